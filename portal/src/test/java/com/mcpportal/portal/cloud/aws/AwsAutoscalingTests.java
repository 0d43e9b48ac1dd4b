package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.AutoscalingState;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.cloud.aws.emulator.MotoServer;
import com.mcpportal.portal.cloud.aws.sdk.AwsCallLog;
import com.mcpportal.portal.cloud.image.ImageSettings;

import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * CPU autoscaling of an environment's service by the real AWS adapter, against moto's Application Auto Scaling (which
 * checks that the ECS service exists, stores targets and policies, and makes target tracking's CloudWatch alarms, but
 * never evaluates them: that tasks are added above the CPU target is AWS's part, asserted here as the policy written).
 * On: the range and the policy; off: minimum 0 and dynamic scaling suspended; a changed target updates the policy, an
 * unchanged one writes nothing new; removed: no target left. Moto keeps a deregistered target's policy (AWS deletes it
 * with the target) and answers a deregistration of nothing with a ValidationException where AWS says ObjectNotFound,
 * so the adapter looks before it deregisters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsAutoscalingTests {

    private static final String REGION = "eu-west-3";

    @RegisterExtension
    static final MotoServer moto = MotoServer.shared();

    private AwsCloudProvider cloud;
    private AwsClients aws;
    private EnvironmentRef env;

    @BeforeAll
    void anEnvironmentWithAService() {
        env = new EnvironmentRef(CloudTarget.defaultCredentials("moto", REGION), "scal" + System.nanoTime() % 1_000_000,
                "Platform", "scaling");
        cloud = moto.provider(moto.settings(Duration.ofSeconds(2)), ImageSettings.defaults());
        aws = moto.clients(REGION);
        String name = env.resourceName();
        aws.ecs().createCluster(r -> r.clusterName(name));
        aws.ecs().registerTaskDefinition(r -> r.family(name).containerDefinitions(c -> c.name("mcp")
                .image("public.ecr.aws/docker/library/busybox:latest").memory(512)));
        aws.ecs().createService(r -> r.cluster(name).serviceName(name).taskDefinition(name).desiredCount(1));
    }

    @Test
    @Order(1)
    void onTheServiceScalesBetweenItsTasksOnAverageCpu() {
        cloud.applyAutoscaling(env, new TaskRange(1, 4, 60), true);

        assertThat(cloud.readAutoscaling(env)).contains(new AutoscalingState(1, 4, 60, false));
        ScalingPolicy policy = policy();
        assertThat(policy.policyName()).isEqualTo(env.resourceName() + "-cpu");
        assertThat(policy.policyType()).isEqualTo(PolicyType.TARGET_TRACKING_SCALING);
        assertThat(policy.targetTrackingScalingPolicyConfiguration().predefinedMetricSpecification()
                .predefinedMetricType()).isEqualTo(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION);
        assertThat(policy.targetTrackingScalingPolicyConfiguration().scaleOutCooldown()).isEqualTo(60);
        assertThat(policy.targetTrackingScalingPolicyConfiguration().scaleInCooldown()).isEqualTo(300);
        // Target tracking's alarms are named after the service: what the IAM policy's alarm resource expects.
        List<MetricAlarm> alarms = aws.cloudWatch().describeAlarms(r -> r.alarmNamePrefix("TargetTracking-service/"
                + env.resourceName() + "/")).metricAlarms();
        assertThat(alarms).isNotEmpty().allSatisfy(alarm -> assertThat(alarm.alarmName())
                .startsWith("TargetTracking-service/mcp-"));
    }

    @Test
    @Order(2)
    void offTheMinimumIsZeroAndScalingIsSuspendedSoAStopStaysAtZero() {
        List<AwsCallLog.Call> calls = AwsCallLog.during(() -> {
            cloud.applyAutoscaling(env, new TaskRange(1, 4, 60), false);
            return null;
        }).calls();

        assertThat(cloud.readAutoscaling(env)).contains(new AutoscalingState(0, 4, 60, true));
        RegisterScalableTargetRequest sent = calls.stream().filter(c -> c.operation().equals("RegisterScalableTarget"))
                .findFirst().orElseThrow().request(RegisterScalableTargetRequest.class);
        assertThat(sent.suspendedState().dynamicScalingOutSuspended()).isTrue();
        assertThat(sent.suspendedState().dynamicScalingInSuspended()).isTrue();
        assertThat(calls).extracting(AwsCallLog.Call::operation).as("the policy is as it was: not written again")
                .doesNotContain("PutScalingPolicy");

        cloud.applyAutoscaling(env, new TaskRange(1, 4, 60), true);
        assertThat(cloud.readAutoscaling(env)).as("the start restores the minimum")
                .contains(new AutoscalingState(1, 4, 60, false));
    }

    @Test
    @Order(3)
    void aChangedRangeOrTargetIsWrittenOver() {
        cloud.applyAutoscaling(env, new TaskRange(2, 6, 75), true);

        assertThat(cloud.readAutoscaling(env)).contains(new AutoscalingState(2, 6, 75, false));
        assertThat(policy().targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(75.0);
    }

    @Test
    @Order(4)
    void removedNoTargetIsLeft() {
        cloud.deleteAutoscaling(env);

        assertThat(cloud.readAutoscaling(env)).isEmpty();
        assertThat(aws.autoscaling().describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceIds(AutoscalingResources.resourceId(env))).scalableTargets()).isEmpty();
    }

    @Test
    @Order(5)
    void aServiceWithNoTargetIsLeftAloneSoItsDeprovisionDoesNotFail() {
        // The deprovision of a service that never had CPU autoscaling (or had it removed) asks for nothing to be
        // deregistered: moto answers that with a ValidationException, AWS with ObjectNotFoundException.
        List<AwsCallLog.Call> calls = AwsCallLog.during(() -> {
            cloud.deleteAutoscaling(env);
            return null;
        }).calls();

        assertThat(calls).extracting(AwsCallLog.Call::operation).containsExactly("DescribeScalableTargets");
    }

    private ScalingPolicy policy() {
        return aws.autoscaling().describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(AutoscalingResources.resourceId(env))
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)).scalingPolicies().get(0);
    }
}
