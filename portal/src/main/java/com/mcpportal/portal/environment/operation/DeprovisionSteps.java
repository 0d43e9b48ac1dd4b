package com.mcpportal.portal.environment.operation;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.TaggedResource;
import com.mcpportal.portal.environment.CloudResources;

/** Deprovisioning: everything in reverse order, then a check that nothing tagged with the environment remains. */
final class DeprovisionSteps {

    static final List<CloudStep> STEPS = List.of(
            // First: a schedule kept in the cloud must not start the service while it is being deleted.
            delete("delete-schedule-mirror", "Schedules kept in the cloud deleted", CloudProvider::deleteScheduleMirror,
                    UnaryOperator.identity()),
            delete("delete-ingress", "HTTPS endpoint deleted", CloudProvider::deleteIngress, r -> r.withIngress(null)),
            delete("delete-service", "ECS service deleted (tasks drained)", CloudProvider::deleteService,
                    r -> r.withService(null)),
            delete("delete-service-discovery", "Cloud Map namespace deleted", CloudProvider::deleteServiceDiscovery,
                    r -> r.withDiscovery(null)),
            delete("delete-cluster", "ECS cluster and task definitions deleted", CloudProvider::deleteCluster,
                    r -> r.withCluster(null).withTaskDefinition(null).withPrevious(null)),
            delete("delete-nat-instance", "NAT instance terminated", CloudProvider::deleteNatInstance,
                    r -> r.withNat(null), "none of its own: the network's shared NAT instance stays"),
            delete("delete-network", "Network deleted", CloudProvider::deleteNetwork, r -> r.withNetwork(null),
                    "its own subnet, route table and security group deleted; the shared network stays"),
            delete("delete-repository", "ECR repository deleted", CloudProvider::deleteRepository,
                    r -> r.withRepository(null).withImage(null)),
            delete("delete-log-group", "Log group deleted", CloudProvider::deleteLogGroup, r -> r.withLogGroup(null)),
            delete("delete-secrets", "Secrets deleted", CloudProvider::deleteSecrets, r -> r.withSecrets(null, null)),
            new CloudStep("check-remaining", "Nothing tagged with the environment remains",
                    DeprovisionSteps::checkRemaining));

    private DeprovisionSteps() {
    }

    private static CloudStep delete(String name, String label, BiConsumer<CloudProvider, EnvironmentRef> call,
            UnaryOperator<CloudResources> forget) {
        return delete(name, label, call, forget, "deleted");
    }

    /**
     * A delete step; in a shared network the cloud's deletes find only what carries the environment's tag, never the
     * network's VPC or NAT instance, and the step says so.
     */
    private static CloudStep delete(String name, String label, BiConsumer<CloudProvider, EnvironmentRef> call,
            UnaryOperator<CloudResources> forget, String inSharedNetwork) {
        return new CloudStep(name, label, c -> {
            call.accept(c.cloud(), c.ref());
            return StepOutcome.of(forget.apply(c.resources()), c.inSharedNetwork() ? inSharedNetwork : "deleted");
        });
    }

    private static StepOutcome checkRemaining(StepContext c) {
        List<TaggedResource> remaining = c.cloud().remainingResources(c.ref());
        if (!remaining.isEmpty()) {
            throw new CloudException(CloudErrorKind.FAILED, "check-remaining", "tagging", "ResourcesRemain",
                    remaining.size() + " resource(s) tagged with environment " + c.ref().environmentId()
                            + " still exist: " + remaining.stream().map(TaggedResource::arn)
                            .collect(Collectors.joining(", ")) + ". Delete them (or wait until the cloud has"
                            + " finished deleting them) and retry.", null);
        }
        return StepOutcome.of(CloudResources.NONE.withRoles(c.resources().roles()), "none left");
    }
}
