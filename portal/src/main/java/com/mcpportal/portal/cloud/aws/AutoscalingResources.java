package com.mcpportal.portal.cloud.aws;

import java.util.Optional;

import com.mcpportal.portal.cloud.AutoscalingState;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.TaskRange;

import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/**
 * CPU autoscaling of an environment's ECS service with Application Auto Scaling: the service (cluster and service are
 * both named like the environment's other resources) registered as a scalable target of its desired count, and one
 * target-tracking policy on {@code ECSServiceAverageCPUUtilization}. While the environment is off the target's minimum
 * is 0 and dynamic scaling is suspended, so the stop's desired count of 0 stays 0 (target tracking would otherwise
 * hold the minimum); the start registers the minimum again. Application Auto Scaling creates its service-linked role
 * ({@code AWSServiceRoleForApplicationAutoScaling_ECSService}) on the first registration in an account.
 */
final class AutoscalingResources {

    /** Seconds between scale-outs: a Fargate task starts and reports CPU in about a minute. */
    static final int SCALE_OUT_COOLDOWN = 60;
    /** Seconds between scale-ins: slower, so a short lull does not drop a task a burst needs again. */
    static final int SCALE_IN_COOLDOWN = 300;

    static String resourceId(EnvironmentRef env) {
        return "service/" + env.resourceName() + "/" + env.resourceName();
    }

    static String policyName(EnvironmentRef env) {
        return env.resourceName() + "-cpu";
    }

    void apply(ApplicationAutoScalingClient autoscaling, EnvironmentRef env, TaskRange range, boolean on) {
        String id = resourceId(env);
        autoscaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(on ? range.minTasks() : 0).maxCapacity(range.maxTasks())
                .suspendedState(s -> s.dynamicScalingInSuspended(!on).dynamicScalingOutSuspended(!on)
                        .scheduledScalingSuspended(false)));
        Optional<ScalingPolicy> policy = policy(autoscaling, env);
        Double target = policy.map(p -> p.targetTrackingScalingPolicyConfiguration() == null ? null
                : p.targetTrackingScalingPolicyConfiguration().targetValue()).orElse(null);
        if (target == null || target != range.cpuTargetPercent()) {
            autoscaling.putScalingPolicy(r -> r.policyName(policyName(env)).serviceNamespace(ServiceNamespace.ECS)
                    .resourceId(id).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                    .policyType(PolicyType.TARGET_TRACKING_SCALING)
                    .targetTrackingScalingPolicyConfiguration(c -> c.targetValue((double) range.cpuTargetPercent())
                            .predefinedMetricSpecification(m -> m.predefinedMetricType(
                                    MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))
                            .scaleOutCooldown(SCALE_OUT_COOLDOWN).scaleInCooldown(SCALE_IN_COOLDOWN)));
        }
    }

    Optional<AutoscalingState> read(ApplicationAutoScalingClient autoscaling, EnvironmentRef env) {
        Optional<ScalableTarget> target = autoscaling.describeScalableTargets(r -> r
                .serviceNamespace(ServiceNamespace.ECS).resourceIds(resourceId(env))
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)).scalableTargets().stream()
                .findFirst();
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Integer cpu = policy(autoscaling, env).map(ScalingPolicy::targetTrackingScalingPolicyConfiguration)
                .map(c -> (int) Math.round(c.targetValue())).orElse(null);
        ScalableTarget t = target.get();
        boolean suspended = t.suspendedState() != null
                && Boolean.TRUE.equals(t.suspendedState().dynamicScalingOutSuspended());
        return Optional.of(new AutoscalingState(t.minCapacity(), t.maxCapacity(), cpu, suspended));
    }

    /**
     * Deregistering the target deletes its policies with it. A service that never had CPU autoscaling has no target:
     * looked up first, so its deprovision does not depend on how a deregistration of nothing is answered
     * (AWS: ObjectNotFoundException; moto: ValidationException).
     */
    void delete(ApplicationAutoScalingClient autoscaling, EnvironmentRef env) {
        boolean registered = !autoscaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceIds(resourceId(env)).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT))
                .scalableTargets().isEmpty();
        if (!registered) {
            return;
        }
        try {
            autoscaling.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                    .resourceId(resourceId(env)).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));
        } catch (ObjectNotFoundException alreadyGone) {
            // nothing to remove
        }
    }

    private static Optional<ScalingPolicy> policy(ApplicationAutoScalingClient autoscaling, EnvironmentRef env) {
        return autoscaling.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(resourceId(env)).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyNames(policyName(env))).scalingPolicies().stream().findFirst();
    }
}
