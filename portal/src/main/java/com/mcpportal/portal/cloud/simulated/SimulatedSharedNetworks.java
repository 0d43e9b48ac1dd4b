package com.mcpportal.portal.cloud.simulated;

import java.util.List;
import java.util.function.Function;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.SharedNetwork;
import com.mcpportal.portal.cloud.SharedNetworkRef;
import com.mcpportal.portal.cloud.SharedNetworkSpec;
import com.mcpportal.portal.cloud.TaggedResource;

import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.NAT;
import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.NETWORK;
import static com.mcpportal.portal.cloud.simulated.SimulatedIds.arn;
import static com.mcpportal.portal.cloud.simulated.SimulatedIds.ec2;
import static com.mcpportal.portal.cloud.simulated.SimulatedStore.attributes;

/**
 * Shared networks in the simulated cloud. The network's own rows are kept under the owner key {@code network-<id>}
 * (no environment id looks like that), so an environment's lookups and deletions never find them, as in AWS where
 * they carry the network's tag instead of an environment's; an environment's part is its own network row.
 */
final class SimulatedSharedNetworks {

    /** The second zone's NAT instance of a network asked for one per zone. */
    static final String SECOND_NAT = "nat-instance-2";

    private final SimulatedStore store;
    private final SimulatedProvisioning provisioning;

    SimulatedSharedNetworks(SimulatedStore store, SimulatedProvisioning provisioning) {
        this.store = store;
        this.provisioning = provisioning;
    }

    /** The network as an owner of rows in the simulated store. */
    static EnvironmentRef owner(SharedNetworkRef network) {
        return new EnvironmentRef(network.target(), "network-" + network.networkId(), "", network.name());
    }

    /**
     * The network as the owner of a NAT instance that can be stopped. One terminated or shutting down (by hand) is
     * answered as the AWS adapter answers it, which finds no live NAT by the network's tag: an error asking again
     * cannot cure.
     */
    EnvironmentRef stoppable(SharedNetworkRef network) {
        EnvironmentRef owner = owner(network);
        store.find(owner, NAT).filter(nat -> nat.state().equals("TERMINATED") || nat.state().equals("SHUTTING_DOWN"))
                .ifPresent(nat -> {
                    throw new CloudException(CloudErrorKind.INVALID_REQUEST, "stop-shared-nat", "ec2", null,
                            "Network " + network.name() + " has no NAT instance; provision an environment into it"
                                    + " first", null);
                });
        return owner;
    }

    /**
     * Moves each NAT instance of the network (the first zone's, then the second's if it has one) and answers the last
     * one's state, as the AWS adapter moves every NAT tagged with the network.
     */
    NatState eachNat(EnvironmentRef owner, Function<String, NatState> move) {
        NatState state = move.apply(NAT);
        return store.find(owner, SECOND_NAT).isPresent() ? move.apply(SECOND_NAT) : state;
    }

    SharedNetwork ensure(SharedNetworkRef network, SharedNetworkSpec spec, NatSpec natSpec) {
        EnvironmentRef owner = owner(network);
        SimulatedResource vpc = provisioning.ensure(owner, NETWORK, () -> {
            String vpcId = ec2("vpc");
            String zone = spec.availabilityZone() != null ? spec.availabilityZone() : network.target().region() + "a";
            java.util.Map<String, Object> attributes = new java.util.LinkedHashMap<>(attributes(
                    "cidr", spec.vpcCidr(), "zone", zone, "publicSubnet", ec2("subnet"), "publicSubnetCidr",
                    spec.publicSubnetCidr(), "internetGateway", ec2("igw"), "publicRouteTable", ec2("rtb")));
            if (spec.secondPublicSubnetCidr() != null) {
                attributes.put("secondZone", network.target().region() + "b");
                attributes.put("secondPublicSubnet", ec2("subnet"));
                attributes.put("secondPublicSubnetCidr", spec.secondPublicSubnetCidr());
            }
            return new SimulatedResource(NETWORK, vpcId, arn(owner, "ec2", "vpc/" + vpcId), "available", attributes);
        });
        Network publicPart = new Network(vpc.resourceId(), vpc.text("cidr"), vpc.text("zone"), vpc.text("publicSubnet"),
                null, vpc.text("internetGateway"), vpc.text("publicRouteTable"), null, null, 0);
        NatInstance nat = provisioning.nat(owner, publicPart, natSpec);
        NatInstance secondNat = !spec.secondNat() || vpc.text("secondZone") == null ? null
                : provisioning.nat(owner, SECOND_NAT, new Network(vpc.resourceId(), vpc.text("cidr"),
                        vpc.text("secondZone"), vpc.text("secondPublicSubnet"), null, vpc.text("internetGateway"),
                        vpc.text("publicRouteTable"), null, null, 0), natSpec);
        return new SharedNetwork(vpc.resourceId(), vpc.text("cidr"), vpc.text("zone"), vpc.text("publicSubnet"),
                vpc.text("internetGateway"), vpc.text("publicRouteTable"), nat, vpc.text("secondZone"),
                vpc.text("secondPublicSubnet"), secondNat);
    }

    Network join(EnvironmentRef env, SharedNetwork network, String privateSubnetCidr, String secondPrivateSubnetCidr,
            int port) {
        boolean twoZones = secondPrivateSubnetCidr != null && network.secondAvailabilityZone() != null;
        SimulatedResource part = provisioning.ensure(env, NETWORK, () -> {
            String subnet = ec2("subnet");
            java.util.Map<String, Object> attributes = new java.util.LinkedHashMap<>(attributes("vpc",
                    network.vpcId(), "privateSubnetCidr", privateSubnetCidr, "privateRouteTable", ec2("rtb"),
                    "natInterface", network.nat().networkInterfaceId(), "serviceSecurityGroup", ec2("sg"),
                    "port", port));
            if (twoZones) {
                attributes.put("secondPrivateSubnet", ec2("subnet"));
                attributes.put("secondPrivateSubnetCidr", secondPrivateSubnetCidr);
                attributes.put("secondZone", network.secondAvailabilityZone());
                attributes.put("secondNatInterface", network.secondZoneNat().networkInterfaceId());
            }
            return new SimulatedResource(NETWORK, subnet, arn(env, "ec2", "subnet/" + subnet), "available", attributes);
        });
        String second = part.text("secondPrivateSubnet");
        return new Network(network.vpcId(), network.vpcCidr(), network.availabilityZone(), network.publicSubnetId(),
                part.resourceId(), network.internetGatewayId(), network.publicRouteTableId(),
                part.text("privateRouteTable"), part.text("serviceSecurityGroup"), part.number("port"),
                second == null ? null : List.of(part.resourceId(), second));
    }

    /** The network's rows: refused while an environment's part still names its VPC, as EC2 refuses the VPC. */
    void delete(SharedNetworkRef network) {
        EnvironmentRef owner = owner(network);
        store.find(owner, NETWORK).ifPresent(vpc -> {
            if (store.countWithAttribute(NETWORK, "vpc", vpc.resourceId()) > 0) {
                throw new CloudException(CloudErrorKind.TRANSIENT, "delete-shared-network", "ec2",
                        "DependencyViolation", "The vpc '" + vpc.resourceId() + "' has dependencies and cannot be"
                        + " deleted.", null);
            }
        });
        store.delete(owner, NAT);
        store.delete(owner, SECOND_NAT);
        store.delete(owner, NETWORK);
    }

    List<TaggedResource> remaining(SharedNetworkRef network) {
        return store.all(owner(network)).stream().map(resource -> TaggedResource.of(resource.arn())).toList();
    }
}
