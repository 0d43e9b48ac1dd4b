package com.mcpportal.portal.cloud.aws;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.Rollout;
import com.mcpportal.portal.cloud.ServiceRef;
import com.mcpportal.portal.cloud.TaskDefinitionRef;

import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/**
 * Moves the MCP server's ECS service to another task definition revision ({@code UpdateService} with
 * {@link ServiceResources#DEPLOYMENT}) and follows the deployment ECS starts: done when its {@code rolloutState} is
 * {@code COMPLETED} (the new tasks are healthy and the old ones stopped), failed when the circuit breaker set it to
 * {@code FAILED} and rolled back, with ECS's {@code rolloutStateReason}. A service at zero tasks gets the revision
 * and nothing to wait for. Run again after a crash, it finds the service on the revision already and waits for the
 * same deployment.
 */
final class ServiceRollouts {

    private final Waiter waiter;

    ServiceRollouts(Waiter waiter) {
        this.waiter = waiter;
    }

    Rollout rollOut(EcsClient ecs, EnvironmentRef env, TaskDefinitionRef taskDefinition) {
        String name = env.resourceName();
        Service service = ServiceResources.find(ecs, name, name).filter(s -> "ACTIVE".equals(s.status()))
                .orElseThrow(() -> new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ecs",
                        "ServiceNotFoundException", "Environment " + env.environmentId() + " has no active ECS"
                                + " service to update; provision it first", null));
        if (!taskDefinition.arn().equals(service.taskDefinition()) || !configured(service.deploymentConfiguration())) {
            service = ServiceResources.inAnswer(ecs.updateService(r -> r.cluster(name).service(name)
                    .taskDefinition(taskDefinition.arn()).deploymentConfiguration(ServiceResources.DEPLOYMENT))
                    .service());
        }
        if (AwsAnswers.count(service.desiredCount()) == 0) {
            return rollout(service, name);
        }
        String deploymentId = primary(service).map(Deployment::id).orElse(null);
        String what = "the ECS deployment of " + taskDefinition.family() + ":" + taskDefinition.revision();
        Service settled = waiter.until(what, () -> ServiceResources.find(ecs, name, name).orElse(null),
                s -> s == null || settled(s, deploymentId, taskDefinition), s -> s == null ? "service missing"
                        : ServiceResources.describe(s) + deploymentState(s, deploymentId));
        if (settled == null) {
            throw new CloudException(CloudErrorKind.FAILED, null, "ecs", "ServiceNotFoundException",
                    "The ECS service " + name + " went away during the deployment", null);
        }
        Deployment ours = deployment(settled, deploymentId).orElse(null);
        if (ours != null && "FAILED".equals(ours.rolloutStateAsString())
                || !taskDefinition.arn().equals(settled.taskDefinition())) {
            String reason = ours != null && ours.rolloutStateReason() != null ? ours.rolloutStateReason()
                    : latestEvent(settled);
            throw new CloudException(CloudErrorKind.FAILED, null, "ecs", "DeploymentRolledBack", "ECS rolled the"
                    + " deployment of " + taskDefinition.family() + ":" + taskDefinition.revision() + " back, to "
                    + settled.taskDefinition() + ", which keeps serving: " + reason + " (see the task logs; fix the"
                    + " image and retry, or roll back)", null);
        }
        return rollout(settled, name);
    }

    /** The deployment is over: completed, failed, or replaced (the circuit breaker's rollback is a new deployment). */
    private static boolean settled(Service s, String deploymentId, TaskDefinitionRef taskDefinition) {
        Optional<Deployment> ours = deployment(s, deploymentId);
        if (ours.isEmpty()) {
            // Gone from the list: replaced by a rollback, or finished so long ago that ECS dropped it.
            return deploymentId != null || steady(s, taskDefinition);
        }
        String state = ours.get().rolloutStateAsString();
        if (state == null) {
            return steady(s, taskDefinition); // a deployment without a rollout state: wait for a steady service
        }
        return "COMPLETED".equals(state) || "FAILED".equals(state);
    }

    private static boolean steady(Service s, TaskDefinitionRef taskDefinition) {
        return taskDefinition.arn().equals(s.taskDefinition()) && s.deployments().size() <= 1
                && Objects.equals(s.runningCount(), s.desiredCount()) && AwsAnswers.count(s.pendingCount()) == 0;
    }

    private static boolean configured(DeploymentConfiguration current) {
        return current != null && Objects.equals(current.minimumHealthyPercent(), 100)
                && Objects.equals(current.maximumPercent(), 200) && current.deploymentCircuitBreaker() != null
                && Boolean.TRUE.equals(current.deploymentCircuitBreaker().enable())
                && Boolean.TRUE.equals(current.deploymentCircuitBreaker().rollback());
    }

    private static Optional<Deployment> primary(Service s) {
        return s.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst();
    }

    private static Optional<Deployment> deployment(Service s, String id) {
        return id == null ? primary(s) : s.deployments().stream().filter(d -> id.equals(d.id())).findFirst();
    }

    private static String deploymentState(Service s, String id) {
        return deployment(s, id).map(d -> ", deployment " + d.id() + " " + d.rolloutStateAsString()
                + (d.rolloutStateReason() == null ? "" : " (" + d.rolloutStateReason() + ")")).orElse("");
    }

    private static String latestEvent(Service s) {
        return s.events().stream().filter(e -> e.message() != null)
                .max(Comparator.comparing(ServiceEvent::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(ServiceEvent::message).orElse("no reason given");
    }

    private static Rollout rollout(Service service, String name) {
        return new Rollout(new ServiceRef(name, name, service.serviceArn(), service.taskDefinition(),
                AwsAnswers.count(service.desiredCount())), ServiceResources.counts(service));
    }
}
