package com.mcpportal.portal.cloud.simulated;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkMove;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.ServiceDiscovery;
import com.mcpportal.portal.cloud.ServiceRef;
import com.mcpportal.portal.cloud.SharedNetwork;
import com.mcpportal.portal.cloud.TaskDefinitionRef;

import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.INGRESS;
import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.NETWORK;
import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.SERVICE;
import static com.mcpportal.portal.cloud.simulated.SimulatedIds.arn;
import static com.mcpportal.portal.cloud.simulated.SimulatedIds.ec2;
import static com.mcpportal.portal.cloud.simulated.SimulatedStore.attributes;

/**
 * Moves in the simulated cloud. The store keeps one network row per environment, so the part it moves to is kept as
 * {@link #NEXT} until {@link #leaveOtherNetworks} deletes the old row and puts the new one in its place (as AWS has
 * both, told apart by their VPC); the service row records the subnet and group its tasks run in, the ingress row its
 * VPC link's subnet. A service with tasks takes the wait of one deployment to move.
 */
final class SimulatedNetworkMoves implements NetworkMove {

    /** The network part an environment moves to, beside the one it has. */
    static final String NEXT = "network-next";

    private final SimulatedStore store;
    private final Consumer<Duration> pause;
    private final SimulatedSettings settings;

    SimulatedNetworkMoves(SimulatedStore store, Consumer<Duration> pause, SimulatedSettings settings) {
        this.store = store;
        this.pause = pause;
        this.settings = settings;
    }

    @Override
    public Network ownNetwork(EnvironmentRef env, NetworkSpec spec) {
        return SimulatedProvisioning.ownNetwork(next(env, () -> SimulatedProvisioning.newVpc(env, spec, NEXT)));
    }

    @Override
    public Network joinShared(EnvironmentRef env, SharedNetwork network, String privateSubnetCidr,
            String secondPrivateSubnetCidr, int containerPort) {
        boolean twoZones = secondPrivateSubnetCidr != null && network.secondAvailabilityZone() != null;
        SimulatedResource part = next(env, () -> {
            String subnet = ec2("subnet");
            Map<String, Object> attributes = new LinkedHashMap<>(attributes("vpc", network.vpcId(),
                    "privateSubnetCidr", privateSubnetCidr, "privateRouteTable", ec2("rtb"), "natInterface",
                    network.nat().networkInterfaceId(), "serviceSecurityGroup", ec2("sg"), "port", containerPort));
            if (twoZones) {
                attributes.put("secondPrivateSubnet", ec2("subnet"));
                attributes.put("secondPrivateSubnetCidr", secondPrivateSubnetCidr);
                attributes.put("secondZone", network.secondAvailabilityZone());
                attributes.put("secondNatInterface", network.secondZoneNat().networkInterfaceId());
            }
            return new SimulatedResource(NEXT, subnet, arn(env, "ec2", "subnet/" + subnet), "available", attributes);
        });
        String second = part.text("secondPrivateSubnet");
        return new Network(network.vpcId(), network.vpcCidr(), network.availabilityZone(), network.publicSubnetId(),
                part.resourceId(), network.internetGatewayId(), network.publicRouteTableId(),
                part.text("privateRouteTable"), part.text("serviceSecurityGroup"), part.number("port"),
                second == null ? null : java.util.List.of(part.resourceId(), second));
    }

    @Override
    public ServiceRef moveService(EnvironmentRef env, Network network, TaskDefinitionRef taskDefinition) {
        SimulatedResource service = store.find(env, SERVICE).orElseThrow(() -> new CloudException(
                CloudErrorKind.INVALID_REQUEST, "move-service", "ecs", "ServiceNotFoundException", "Environment "
                        + env.environmentId() + " has no active ECS service to move; provision it first", null));
        int desired = service.number("desiredCount");
        if (!network.privateSubnetId().equals(service.text("subnet"))
                || !taskDefinition.arn().equals(service.text("taskDefinition"))) {
            if (desired > 0) {
                pause.accept(settings.waitDelay()); // the new tasks start in the new subnet and get healthy
            }
            Map<String, Object> moved = new LinkedHashMap<>(service.attributes());
            moved.put("subnet", network.privateSubnetId());
            moved.put("securityGroup", network.serviceSecurityGroupId());
            moved.put("taskDefinition", taskDefinition.arn());
            store.update(env, SERVICE, service.state(), moved);
        }
        String cluster = env.resourceName();
        return new ServiceRef(cluster, cluster, service.arn(), taskDefinition.arn(), desired);
    }

    @Override
    public Ingress moveIngress(EnvironmentRef env, Network network, ServiceDiscovery discovery) {
        SimulatedResource api = store.find(env, INGRESS).orElseThrow(() -> new CloudException(
                CloudErrorKind.INVALID_REQUEST, "move-ingress", "apigateway", "NotFoundException", "Environment "
                        + env.environmentId() + " has no HTTP API to move; provision it first", null));
        if (!network.privateSubnetId().equals(api.text("vpcLinkSubnet"))) {
            pause.accept(settings.stepDelay());
            Map<String, Object> moved = new LinkedHashMap<>(api.attributes());
            moved.put("vpcLink", SimulatedIds.shortId(6));
            moved.put("vpcLinkSubnet", network.privateSubnetId());
            store.update(env, INGRESS, api.state(), moved);
            api = store.find(env, INGRESS).orElseThrow();
        }
        return new Ingress(api.resourceId(), api.text("vpcLink"), api.text("integration"), api.text("endpoint"));
    }

    @Override
    public void leaveOtherNetworks(EnvironmentRef env, Network kept) {
        store.find(env, NEXT).ifPresent(next -> {
            pause.accept(settings.stepDelay());
            store.delete(env, NETWORK);
            store.insert(env, new SimulatedResource(NETWORK, next.resourceId(), next.arn(), next.state(),
                    next.attributes()));
            store.delete(env, NEXT);
        });
    }

    private SimulatedResource next(EnvironmentRef env, java.util.function.Supplier<SimulatedResource> create) {
        return store.find(env, NEXT).orElseGet(() -> {
            pause.accept(settings.stepDelay());
            return store.insert(env, create.get());
        });
    }
}
