package com.mcpportal.portal.cloud.simulated;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.LogGroup;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.Rollout;
import com.mcpportal.portal.cloud.ServiceCounts;
import com.mcpportal.portal.cloud.ServiceDiscovery;
import com.mcpportal.portal.cloud.ServiceRef;
import com.mcpportal.portal.cloud.ServiceSpec;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.TaskSpec;

import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.CLUSTER;
import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.DISCOVERY;
import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.INGRESS;
import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.LOG_GROUP;
import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.NAT;
import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.NETWORK;
import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.REPOSITORY;
import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.SERVICE;
import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.TASK_DEFINITION;
import static com.mcpportal.portal.cloud.simulated.SimulatedIds.arn;
import static com.mcpportal.portal.cloud.simulated.SimulatedIds.ec2;
import static com.mcpportal.portal.cloud.simulated.SimulatedStore.attributes;

/** The simulated provisioning steps: each finds its component first and creates it (after a delay) only if missing. */
final class SimulatedProvisioning {

    private final SimulatedStore store;
    private final Consumer<Duration> pause;
    private final SimulatedSettings settings;
    private final SimulatedNatImages natImages;

    SimulatedProvisioning(SimulatedStore store, Consumer<Duration> pause, SimulatedSettings settings,
            SimulatedNatImages natImages) {
        this.store = store;
        this.pause = pause;
        this.settings = settings;
        this.natImages = natImages;
    }

    Network network(EnvironmentRef env, NetworkSpec spec) {
        return ownNetwork(ensure(env, NETWORK, () -> newVpc(env, spec, NETWORK)));
    }

    /** A new row for the environment's own VPC, as {@code component} (its network, or the one a move makes next). */
    static SimulatedResource newVpc(EnvironmentRef env, NetworkSpec spec, String component) {
        String vpcId = ec2("vpc");
        String zone = spec.availabilityZone() != null ? spec.availabilityZone() : env.target().region() + "a";
        return new SimulatedResource(component, vpcId, arn(env, "ec2", "vpc/" + vpcId), "available", attributes(
                "cidr", spec.vpcCidr(), "zone", zone, "publicSubnet", ec2("subnet"), "privateSubnet",
                ec2("subnet"), "internetGateway", ec2("igw"), "publicRouteTable", ec2("rtb"),
                "privateRouteTable", ec2("rtb"), "serviceSecurityGroup", ec2("sg"), "port", spec.containerPort()));
    }

    /** The environment's own network as a row of {@link #newVpc} describes it. */
    static Network ownNetwork(SimulatedResource vpc) {
        return new Network(vpc.resourceId(), vpc.text("cidr"), vpc.text("zone"), vpc.text("publicSubnet"),
                vpc.text("privateSubnet"), vpc.text("internetGateway"), vpc.text("publicRouteTable"),
                vpc.text("privateRouteTable"), vpc.text("serviceSecurityGroup"), vpc.number("port"));
    }

    NatInstance nat(EnvironmentRef env, Network network, NatSpec spec) {
        return nat(env, NAT, network, spec);
    }

    /** A NAT instance under its component (a shared network's second zone has its own), in the network's subnet. */
    NatInstance nat(EnvironmentRef env, String component, Network network, NatSpec spec) {
        SimulatedResource nat = ensure(env, component, () -> {
            String instanceId = ec2("i");
            String ami = natImages.latest(env.target().region(),
                    SimulatedNatImages.architectureOf(spec.instanceType())).imageId();
            return new SimulatedResource(component, instanceId, arn(env, "ec2", "instance/" + instanceId),
                    NatState.RUNNING.name(), attributes("eni", ec2("eni"), "securityGroup", ec2("sg"), "ami", ami,
                    "instanceType", spec.instanceType(), "spot", spec.spot(), "publicIp", SimulatedIds.publicIp(),
                    "subnet", network.publicSubnetId(), "zone", network.availabilityZone()));
        });
        return natInstance(nat);
    }

    static NatInstance natInstance(SimulatedResource nat) {
        return new NatInstance(nat.resourceId(), nat.text("eni"), nat.text("securityGroup"), nat.text("ami"),
                nat.text("instanceType"), NatState.valueOf(nat.state()), nat.text("publicIp"));
    }

    ImageRepository repository(EnvironmentRef env) {
        String name = env.resourceName();
        String account = SimulatedIds.accountNumber(env.target().accountId());
        SimulatedResource repository = ensure(env, REPOSITORY, () -> new SimulatedResource(REPOSITORY, name,
                arn(env, "ecr", "repository/" + name), "ACTIVE", attributes("uri", account + ".dkr.ecr."
                        + env.target().region() + ".amazonaws.com/" + name, "lifecyclePolicy", "keep last 5 images")));
        return new ImageRepository(name, repository.text("uri"), repository.arn());
    }

    LogGroup logGroup(EnvironmentRef env, int retentionDays) {
        LogGroup.validateRetention(retentionDays).ifPresent(message -> {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, "ensure-log-group", "logs",
                    "InvalidParameterException", message, null);
        });
        String name = "/mcp-portal/" + env.resourceName();
        SimulatedResource group = ensure(env, LOG_GROUP, () -> new SimulatedResource(LOG_GROUP, name,
                arn(env, "logs", "log-group:" + name), "ACTIVE", attributes("retentionInDays", retentionDays)));
        if (group.number("retentionInDays") != retentionDays) {
            store.update(env, LOG_GROUP, group.state(), attributes("retentionInDays", retentionDays));
        }
        return new LogGroup(name, retentionDays);
    }

    String cluster(EnvironmentRef env) {
        String name = env.resourceName();
        ensure(env, CLUSTER, () -> new SimulatedResource(CLUSTER, name, arn(env, "ecs", "cluster/" + name), "ACTIVE",
                attributes("capacityProviders", "FARGATE,FARGATE_SPOT")));
        return name;
    }

    TaskDefinitionRef taskDefinition(EnvironmentRef env, TaskSpec spec) {
        String family = env.resourceName();
        String fingerprint = fingerprint(spec.toString());
        SimulatedResource task = ensure(env, TASK_DEFINITION, () -> new SimulatedResource(TASK_DEFINITION,
                family + ":1", arn(env, "ecs", "task-definition/" + family + ":1"), "ACTIVE",
                attributes("revision", 1, "fingerprint", fingerprint, "image", spec.image())));
        if (!fingerprint.equals(task.text("fingerprint"))) {
            int revision = task.number("revision") + 1;
            pause.accept(settings.stepDelay());
            store.update(env, TASK_DEFINITION, "ACTIVE", attributes("revision", revision, "fingerprint", fingerprint,
                    "image", spec.image()));
            return new TaskDefinitionRef(arn(env, "ecs", "task-definition/" + family + ":" + revision), family,
                    revision);
        }
        return new TaskDefinitionRef(task.arn(), family, task.number("revision"));
    }

    ServiceDiscovery discovery(EnvironmentRef env) {
        SimulatedResource discovery = ensure(env, DISCOVERY, () -> {
            String serviceId = "srv-" + SimulatedIds.shortId(16);
            return new SimulatedResource(DISCOVERY, "ns-" + SimulatedIds.shortId(16),
                    arn(env, "servicediscovery", "service/" + serviceId), "ACTIVE",
                    attributes("namespaceName", env.resourceName() + ".internal", "serviceId", serviceId));
        });
        return new ServiceDiscovery(discovery.resourceId(), discovery.text("namespaceName"),
                discovery.text("serviceId"), discovery.arn());
    }

    ServiceRef service(EnvironmentRef env, ServiceSpec spec) {
        String name = env.resourceName();
        SimulatedResource service = ensure(env, SERVICE, () -> new SimulatedResource(SERVICE, name,
                arn(env, "ecs", "service/" + spec.clusterName() + "/" + name), "ACTIVE", attributes(
                "taskDefinition", spec.taskDefinition().arn(), "desiredCount", spec.desiredCount(),
                "runningCount", 0, "pendingCount", spec.desiredCount(), "fargateSpot", spec.fargateSpot(),
                "subnets", String.join(",", spec.network().privateSubnetIds()))));
        if (!spec.taskDefinition().arn().equals(service.text("taskDefinition"))) {
            Map<String, Object> moved = new LinkedHashMap<>(service.attributes());
            moved.put("taskDefinition", spec.taskDefinition().arn());
            store.update(env, SERVICE, service.state(), moved);
        }
        return new ServiceRef(spec.clusterName(), name, service.arn(), spec.taskDefinition().arn(),
                service.number("desiredCount"));
    }

    /**
     * The service moved to a revision as ECS's rolling deployment does it: with tasks running, a new task starts and
     * gets healthy beside the old one (a wait), then the old one drains (a step); with none, the revision is just set.
     */
    Rollout rollOut(EnvironmentRef env, TaskDefinitionRef taskDefinition) {
        SimulatedResource service = store.find(env, SERVICE).orElseThrow(() -> new CloudException(
                CloudErrorKind.INVALID_REQUEST, "roll-out", "ecs", "ServiceNotFoundException",
                "Environment " + env.environmentId() + " has no active ECS service to update; provision it first",
                null));
        Map<String, Object> attributes = new LinkedHashMap<>(service.attributes());
        int desired = service.number("desiredCount");
        if (!taskDefinition.arn().equals(service.text("taskDefinition"))) {
            if (desired > 0) {
                attributes.put("pendingCount", desired);
                store.update(env, SERVICE, service.state(), attributes);
                pause.accept(settings.waitDelay());
            }
            pause.accept(settings.stepDelay());
            attributes.put("taskDefinition", taskDefinition.arn());
            attributes.put("pendingCount", 0);
            store.update(env, SERVICE, service.state(), attributes);
        }
        String cluster = env.resourceName();
        return new Rollout(new ServiceRef(cluster, cluster, service.arn(), taskDefinition.arn(), desired),
                new ServiceCounts(service.state(), desired, service.number("runningCount"), 0));
    }

    /** The HTTP API and its VPC link, which spans every private subnet of the environment's network. */
    Ingress ingress(EnvironmentRef env, Network network) {
        SimulatedResource api = ensure(env, INGRESS, () -> {
            String apiId = SimulatedIds.shortId(10);
            return new SimulatedResource(INGRESS, apiId, arn(env, "apigateway", "/apis/" + apiId), "AVAILABLE",
                    attributes("vpcLink", SimulatedIds.shortId(6), "integration", SimulatedIds.shortId(7),
                            "endpoint", "https://" + apiId + ".execute-api." + env.target().region()
                                    + ".amazonaws.com", "vpcLinkSubnets", String.join(",",
                                    network.privateSubnetIds())));
        });
        return new Ingress(api.resourceId(), api.text("vpcLink"), api.text("integration"), api.text("endpoint"));
    }

    SimulatedResource ensure(EnvironmentRef env, String component, Supplier<SimulatedResource> create) {
        return store.find(env, component).orElseGet(() -> {
            pause.accept(settings.stepDelay());
            return store.insert(env, create.get());
        });
    }

    private static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
