package com.mcpportal.portal.cloud.aws;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.ServiceCounts;
import com.mcpportal.portal.cloud.ServiceRef;
import com.mcpportal.portal.cloud.ServiceSpec;

import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/** The MCP server's ECS service: private subnet, no public IP, Cloud Map registration, scaling. */
final class ServiceResources {

    static final String SERVICE = "ecs-service";

    /**
     * Rolling deployments without downtime: a new task starts beside the old one (maximum 200 %) and the old one stops
     * only when the new one is healthy (minimum healthy 100 %); a revision whose tasks cannot get healthy is rolled
     * back by ECS's circuit breaker. Set at creation, and with every move to another revision.
     */
    static final DeploymentConfiguration DEPLOYMENT = DeploymentConfiguration.builder()
            .minimumHealthyPercent(100).maximumPercent(200)
            .deploymentCircuitBreaker(c -> c.enable(true).rollback(true)).build();

    /**
     * Fargate Spot runs ARM64 tasks from platform version 1.4.0 (x86_64 from 1.3.0), per the ECS API reference for
     * CapacityProviderStrategyItem. LATEST is 1.4.0 or later for Linux; asked for by name so a service never rests on
     * ECS's default, and a service someone pinned to an older version is moved.
     */
    static final String PLATFORM_VERSION = "LATEST";

    private final Waiter waiter;

    ServiceResources(Waiter waiter) {
        this.waiter = waiter;
    }

    ServiceRef ensure(EcsClient ecs, EnvironmentRef env, ServiceSpec spec) {
        String name = env.resourceName();
        CapacityProviderStrategyItem capacity = CapacityProviderStrategyItem.builder()
                .capacityProvider(spec.fargateSpot() ? "FARGATE_SPOT" : "FARGATE").weight(1).build();
        Service service = find(ecs, spec.clusterName(), name).orElse(null);
        if (service != null && "DRAINING".equals(service.status())) {
            // A service being deleted keeps its name until it is gone.
            awaitGone(ecs, spec.clusterName(), name);
            service = null;
        }
        if (service == null) {
            service = inAnswer(ecs.createService(r -> r.cluster(spec.clusterName()).serviceName(name)
                    .taskDefinition(spec.taskDefinition().arn()).desiredCount(spec.desiredCount())
                    .capacityProviderStrategy(capacity).platformVersion(PLATFORM_VERSION)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(spec.network().privateSubnetIds())
                            .securityGroups(spec.network().serviceSecurityGroupId()).assignPublicIp("DISABLED")))
                    .serviceRegistries(s -> s.registryArn(spec.discovery().serviceArn())
                            .containerName(ClusterResources.CONTAINER).containerPort(spec.network().containerPort()))
                    .deploymentConfiguration(DEPLOYMENT)
                    .enableECSManagedTags(true).propagateTags("SERVICE")
                    .tags(AwsTags.ecs(env, SERVICE))).service());
        } else {
            boolean newDefinition = !spec.taskDefinition().arn().equals(service.taskDefinition());
            boolean newCapacity = service.capacityProviderStrategy().stream()
                    .noneMatch(c -> capacity.capacityProvider().equals(c.capacityProvider()));
            boolean oldPlatform = belowArmSpotPlatform(service.platformVersion());
            if (newDefinition || newCapacity || oldPlatform) {
                // Changing the capacity provider or the platform needs a new deployment; the desired count stays.
                service = inAnswer(ecs.updateService(r -> r.cluster(spec.clusterName()).service(name)
                        .taskDefinition(spec.taskDefinition().arn()).capacityProviderStrategy(capacity)
                        .platformVersion(PLATFORM_VERSION).deploymentConfiguration(DEPLOYMENT)
                        .forceNewDeployment(newCapacity || oldPlatform)).service());
            }
        }
        return new ServiceRef(spec.clusterName(), name, service.serviceArn(), service.taskDefinition(),
                AwsAnswers.count(service.desiredCount()));
    }

    /** An explicit version such as {@code 1.3.0}; absent or LATEST is ECS's newest, 1.4.0 or later. */
    static boolean belowArmSpotPlatform(String platformVersion) {
        if (platformVersion == null || platformVersion.isEmpty() || PLATFORM_VERSION.equals(platformVersion)) {
            return false;
        }
        String[] parts = platformVersion.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major < 1 || (major == 1 && minor < 4);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    ServiceCounts scale(EcsClient ecs, EnvironmentRef env, int desiredCount) {
        String cluster = env.resourceName();
        Service service = find(ecs, cluster, cluster).filter(s -> "ACTIVE".equals(s.status()))
                .orElseThrow(() -> new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ecs", null,
                        "Environment " + env.environmentId() + " has no running ECS service; provision it first",
                        null));
        if (!Objects.equals(service.desiredCount(), desiredCount)) {
            ecs.updateService(r -> r.cluster(cluster).service(cluster).desiredCount(desiredCount));
        }
        String what = desiredCount == 0 ? "ECS service " + cluster + " drained"
                : "ECS service " + cluster + " running " + desiredCount + " healthy task(s)";
        Service steady = waiter.until(what, () -> find(ecs, cluster, cluster).orElse(null),
                s -> s != null && steady(s, desiredCount) && (desiredCount == 0 || healthy(ecs, cluster, desiredCount)),
                s -> s == null ? "service missing" : describe(s));
        return counts(steady);
    }

    ServiceCounts counts(EcsClient ecs, EnvironmentRef env) {
        String name = env.resourceName();
        return find(ecs, name, name).map(ServiceResources::counts).orElse(ServiceCounts.MISSING);
    }

    static ServiceCounts counts(Service s) {
        return new ServiceCounts(s.status(), AwsAnswers.count(s.desiredCount()), AwsAnswers.count(s.runningCount()),
                AwsAnswers.count(s.pendingCount()));
    }

    void delete(EcsClient ecs, EnvironmentRef env) {
        String name = env.resourceName();
        Optional<Service> service = find(ecs, name, name);
        if (service.isPresent() && "ACTIVE".equals(service.get().status())) {
            // force: scales to zero and deletes in one call.
            AwsErrors.ignoringNotFound(() -> ecs.deleteService(r -> r.cluster(name).service(name).force(true)));
        }
        if (service.isPresent()) {
            awaitGone(ecs, name, name);
        }
    }

    private void awaitGone(EcsClient ecs, String cluster, String name) {
        waiter.until("ECS service " + name + " deleted", () -> find(ecs, cluster, name).orElse(null),
                s -> s == null || "INACTIVE".equals(s.status()), s -> s == null ? "gone" : describe(s));
    }

    private static boolean steady(Service s, int desired) {
        return Objects.equals(s.runningCount(), desired) && AwsAnswers.count(s.pendingCount()) == 0
                && s.deployments().size() <= 1
                && s.deployments().stream().allMatch(d -> d.rolloutState() == null
                        || "COMPLETED".equals(d.rolloutStateAsString()));
    }

    private static boolean healthy(EcsClient ecs, String cluster, int desired) {
        List<String> arns = ecs.listTasks(r -> r.cluster(cluster).serviceName(cluster).desiredStatus("RUNNING"))
                .taskArns();
        if (arns.size() < desired) {
            return false;
        }
        List<Task> tasks = ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks();
        return tasks.stream().filter(t -> "RUNNING".equals(t.lastStatus()) && "HEALTHY".equals(t.healthStatusAsString()))
                .count() >= desired;
    }

    static String describe(Service s) {
        return s.status() + ", desired " + s.desiredCount() + ", running " + s.runningCount() + ", pending "
                + s.pendingCount() + ", deployments " + s.deployments().size();
    }

    static Service inAnswer(Service service) {
        return AwsAnswers.required(service, "ecs", "the service");
    }

    static Optional<Service> find(EcsClient ecs, String cluster, String name) {
        try {
            return ecs.describeServices(r -> r.cluster(cluster).services(name)).services().stream()
                    .filter(s -> !"INACTIVE".equals(s.status())).findFirst();
        } catch (ClusterNotFoundException e) {
            return Optional.empty();
        }
    }
}
