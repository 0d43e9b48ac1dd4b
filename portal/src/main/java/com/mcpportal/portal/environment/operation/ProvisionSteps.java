package com.mcpportal.portal.environment.operation;

import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.LogGroup;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.SecretRef;
import com.mcpportal.portal.cloud.ServiceCounts;
import com.mcpportal.portal.cloud.ServiceDiscovery;
import com.mcpportal.portal.cloud.ServiceRef;
import com.mcpportal.portal.cloud.ServiceSpec;
import com.mcpportal.portal.cloud.SharedNetwork;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.TaskSpec;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.SharedNetworkPlacement;

/** Provisioning, in the port's order; on a ready environment the same steps apply changed settings. */
final class ProvisionSteps {

    /** The variable the MCP server reads its ElevenLabs key from. */
    static final String API_KEY_VARIABLE = "ELEVENLABS_API_KEY";

    static final List<CloudStep> STEPS = List.of(
            new CloudStep("account-roles", "Task roles of the account", ProvisionSteps::roles),
            new CloudStep("network", "Network: VPC, subnets, internet gateway, routes", ProvisionSteps::network),
            new CloudStep("nat-instance", "NAT instance and private route", ProvisionSteps::nat),
            new CloudStep("image-repository", "ECR repository (keeps the last 5 images)", ProvisionSteps::repository),
            new CloudStep("server-image", "Server image: the MCP server published, or your tag checked",
                    ImageStep::run),
            new CloudStep("log-group", "CloudWatch log group", ProvisionSteps::logGroup),
            new CloudStep("secrets", "Secrets: ElevenLabs key and API key set", ProvisionSteps::secrets),
            new CloudStep("cluster", "ECS cluster", ProvisionSteps::cluster),
            new CloudStep("task-definition", "Task definition", ProvisionSteps::taskDefinition),
            new CloudStep("service-discovery", "Cloud Map namespace and service", ProvisionSteps::discovery),
            new CloudStep("service", "ECS service", ProvisionSteps::service),
            new CloudStep("ingress", "HTTPS endpoint: API Gateway and VPC link", ProvisionSteps::ingress),
            new CloudStep("service-healthy", "Service running and healthy", ProvisionSteps::healthy));

    private ProvisionSteps() {
    }

    private static StepOutcome roles(StepContext c) {
        AccountRoles roles = c.configuredRoles() != null ? c.configuredRoles()
                : c.cloud().ensureAccountRoles(c.ref().target());
        return StepOutcome.of(c.resources().withRoles(roles), (c.configuredRoles() != null ? "configured: "
                : "") + "execution role " + roles.executionRoleArn() + ", task role " + roles.taskRoleArn());
    }

    private static StepOutcome network(StepContext c) {
        if (c.inSharedNetwork()) {
            return sharedNetwork(c);
        }
        Network network = c.cloud().ensureNetwork(c.ref(), NetworkSpec.defaults());
        return StepOutcome.of(c.resources().withNetwork(network), network.vpcId() + " (" + network.vpcCidr() + ") in "
                + network.availabilityZone() + ", subnets " + network.publicSubnetId() + " / "
                + network.privateSubnetId());
    }

    /**
     * In a shared network: the network's VPC, public subnet and NAT instance (made by the first environment provisioned
     * into it, found by the network's tag by every later one; launched with the default NAT settings, whoever comes
     * first), then this environment's own private subnet, route table to that NAT and security group.
     */
    private static StepOutcome sharedNetwork(StepContext c) {
        SharedNetworkPlacement placement = c.sharedNetwork();
        String subnet = placement.privateSubnetCidr();
        if (subnet == null) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "portal", "NetworkFull", "Network "
                    + placement.networkName() + " has no free /24 range left in " + placement.vpcCidr()
                    + " for this environment's subnet; take it out of the network or use another.", null);
        }
        SharedNetwork shared = c.networks().exclusively(placement.networkId(), () -> c.cloud()
                .ensureSharedNetwork(c.sharedNetworkRef(), placement.spec(), NatSpec.defaults()));
        Network network = c.cloud().joinSharedNetwork(c.ref(), shared, subnet, placement.secondPrivateSubnetCidr(),
                NetworkSpec.defaults().containerPort());
        return StepOutcome.of(c.resources().withNetwork(network).withNat(shared.nat()), "shared network "
                + placement.networkName() + ": " + network.vpcId() + " (" + network.vpcCidr() + ") in "
                + network.availabilityZone() + (shared.secondAvailabilityZone() == null ? "" : " and "
                + shared.secondAvailabilityZone()) + ", its own subnet" + (network.privateSubnetIds().size() > 1
                ? "s " + String.join(" and ", network.privateSubnetIds()) : " " + network.privateSubnetId()) + " ("
                + subnet + (placement.secondPrivateSubnetCidr() == null ? "" : ", "
                + placement.secondPrivateSubnetCidr()) + ") and security group " + network.serviceSecurityGroupId()
                + ", routed through the shared NAT " + shared.nat().instanceId() + (shared.secondNat() == null ? ""
                : " (the second zone through its own, " + shared.secondNat().instanceId() + ")"));
    }

    private static StepOutcome nat(StepContext c) {
        if (c.inSharedNetwork()) {
            NatInstance shared = require(c.resources().nat(), "network");
            return StepOutcome.of(c.resources(), shared.instanceId() + " of network "
                    + c.sharedNetwork().networkName() + ", shared: nothing of this environment's own");
        }
        NatInstance nat = c.cloud().ensureNatInstance(c.ref(), require(c.resources().network(), "network"),
                c.spec().nat());
        return StepOutcome.of(c.resources().withNat(nat), nat.instanceId() + " (" + nat.instanceType()
                + (c.spec().nat().spot() ? ", spot" : "") + ") " + nat.state().name().toLowerCase());
    }

    private static StepOutcome repository(StepContext c) {
        ImageRepository repository = c.cloud().ensureRepository(c.ref());
        return StepOutcome.of(c.resources().withRepository(repository), repository.uri());
    }

    private static StepOutcome logGroup(StepContext c) {
        LogGroup group = c.cloud().ensureLogGroup(c.ref(), c.spec().logRetentionDays());
        return StepOutcome.of(c.resources().withLogGroup(group), group.name() + ", kept " + group.retentionDays()
                + " days");
    }

    private static StepOutcome secrets(StepContext c) {
        SecretRef apiKey = c.resources().apiKeySecret();
        String pending = c.pendingApiKey().get();
        if (pending != null) {
            apiKey = c.cloud().putSecret(c.ref(), CloudProvider.ELEVENLABS_API_KEY_SECRET, pending);
        }
        if (apiKey == null) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, "secrets", "portal", "MissingApiKey",
                    "No ElevenLabs API key is stored for this environment. Edit it, enter the key and retry.", null);
        }
        SecretRef keySet = c.resources().keySetSecret();
        if (keySet == null) {
            // Only the first time: afterwards the API keys feature owns the parameter's content.
            keySet = c.cloud().putSecret(c.ref(), CloudProvider.KEY_SET_SECRET, CloudProvider.EMPTY_KEY_SET);
        }
        return new StepOutcome(c.resources().withSecrets(apiKey, keySet), "ElevenLabs key "
                + (pending != null ? "stored in " : "unchanged in ") + apiKey.name() + ", key set " + keySet.name(),
                pending != null);
    }

    private static StepOutcome cluster(StepContext c) {
        String cluster = c.cloud().ensureCluster(c.ref());
        return StepOutcome.of(c.resources().withCluster(cluster), cluster);
    }

    static StepOutcome taskDefinition(StepContext c) {
        CloudResources r = c.resources();
        Network network = require(r.network(), "network");
        AccountRoles roles = require(r.roles(), "account-roles");
        TaskSpec spec = new TaskSpec(c.spec().size(), c.spec().architecture(), ImageStep.reference(c),
                network.containerPort(), roles.executionRoleArn(), roles.taskRoleArn(),
                Map.of(API_KEY_VARIABLE, require(r.apiKeySecret(), "secrets")),
                require(r.keySetSecret(), "secrets").name(), c.spec().allowedCidrs(), List.of(network.vpcCidr()),
                Map.of(), require(r.logGroup(), "log-group").name());
        TaskDefinitionRef task = c.cloud().registerTaskDefinition(c.ref(), spec);
        return StepOutcome.of(r.withTaskDefinition(task), task.family() + ":" + task.revision() + ", image "
                + spec.image());
    }

    private static StepOutcome discovery(StepContext c) {
        ServiceDiscovery discovery = c.cloud().ensureServiceDiscovery(c.ref(),
                require(c.resources().network(), "network"));
        return StepOutcome.of(c.resources().withDiscovery(discovery), discovery.namespaceName() + " ("
                + discovery.namespaceId() + ")");
    }

    private static StepOutcome service(StepContext c) {
        CloudResources r = c.resources();
        ServiceRef service = c.cloud().ensureService(c.ref(), new ServiceSpec(require(r.cluster(), "cluster"),
                require(r.taskDefinition(), "task-definition"), require(r.network(), "network"),
                require(r.discovery(), "service-discovery"), c.desiredTasks(), c.spec().fargateSpot()));
        return StepOutcome.of(r.withService(service), service.serviceName() + " on "
                + (c.spec().fargateSpot() ? "Fargate Spot" : "Fargate") + ", task definition revision "
                + r.taskDefinition().revision());
    }

    private static StepOutcome ingress(StepContext c) {
        Ingress ingress = c.cloud().ensureIngress(c.ref(), require(c.resources().network(), "network"),
                require(c.resources().discovery(), "service-discovery"));
        return StepOutcome.of(c.resources().withIngress(ingress), ingress.mcpUrl());
    }

    private static StepOutcome healthy(StepContext c) {
        ServiceCounts counts = c.cloud().scaleService(c.ref(), c.desiredTasks());
        return StepOutcome.of(c.resources(), PowerSteps.describe(counts));
    }

    /** A step needs what an earlier one recorded; missing means the record was lost, so say which step to rerun. */
    static <T> T require(T value, String step) {
        if (value == null) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "portal", "MissingResource",
                    "The result of step '" + step + "' is not recorded; provision again to rebuild it.", null);
        }
        return value;
    }
}
