package com.mcpportal.portal.environment.operation;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.aws.fake.AwsCall;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;
import com.mcpportal.portal.cloud.aws.fake.ProvisionedAccount;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.environment.ImageSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provision operation's steps on the AWS adapter (against the loopback AWS fake), killed after the cloud calls
 * of each step and resumed there. The fake keeps no state, so the resumed run talks to an account that holds
 * what was provisioned ({@link ProvisionedAccount}): it must find every resource and create none, and end with the
 * same resource ids as an uninterrupted run. (The last step, waiting for healthy tasks, is covered by the adapter's
 * own ECS tests: the empty account has no service to wait for.)
 */
class AwsOperationResumeTests {

    private static final List<CloudStep> STEPS = OperationPlans.steps(OperationKind.PROVISION).stream()
            .filter(step -> !step.name().equals("service-healthy")).toList();
    private static final EnvironmentSpec SPEC = new EnvironmentSpec(AwsFake.REGION, FargateSize.DEFAULT,
            Architecture.ARM64, ImageSource.REPOSITORY, "latest", null, NatSpec.defaults(), false, 7,
            List.of("203.0.113.0/24"));
    private static final String KEY = "xi-aws-resume-key";

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    static Stream<String> crashPoints() {
        return STEPS.stream().map(CloudStep::name);
    }

    @ParameterizedTest(name = "killed after the cloud calls of {0}")
    @MethodSource("crashPoints")
    void aResumedProvisionFindsWhatTheKilledOneMadeAndCreatesNothing(String crashStep) {
        CloudResources uninterrupted = run(0, STEPS.size(), CloudResources.NONE, true);
        String specHash = specHash();

        int crash = IntStream.range(0, STEPS.size()).filter(i -> STEPS.get(i).name().equals(crashStep)).findFirst()
                .orElseThrow();
        fake.forgetCalls();
        CloudResources recordedBeforeCrash = run(0, crash, CloudResources.NONE, true);
        run(crash, crash + 1, recordedBeforeCrash, true); // its calls happened; its result was never recorded

        ProvisionedAccount.on(fake, specHash);
        fake.forgetCalls();
        boolean keyStillPending = crash <= indexOf("secrets");
        CloudResources resumed = run(crash, STEPS.size(), recordedBeforeCrash, keyStillPending);

        assertThat(fake.actions()).as("calls of the resumed run").filteredOn(action -> !action.startsWith("iam:"))
                .noneMatch(action -> action.contains(":Create") || action.contains(":Run")
                        || action.contains(":Register") || action.contains(":Allocate") || action.contains(":Attach")
                        || action.contains(":Associate") || action.contains(":Authorize")
                        || action.startsWith("apigateway:POST"));
        assertThat(resumed.network()).isEqualTo(uninterrupted.network());
        assertThat(resumed.nat().instanceId()).isEqualTo(uninterrupted.nat().instanceId());
        assertThat(resumed.repository()).isEqualTo(uninterrupted.repository());
        assertThat(resumed.image()).isEqualTo(uninterrupted.image());
        assertThat(resumed.logGroup()).isEqualTo(uninterrupted.logGroup());
        assertThat(resumed.apiKeySecret()).isEqualTo(uninterrupted.apiKeySecret());
        assertThat(resumed.keySetSecret()).isEqualTo(uninterrupted.keySetSecret());
        assertThat(resumed.cluster()).isEqualTo(uninterrupted.cluster());
        assertThat(resumed.taskDefinition().arn()).isEqualTo(uninterrupted.taskDefinition().arn());
        assertThat(resumed.discovery()).isEqualTo(uninterrupted.discovery());
        assertThat(resumed.service().serviceName()).isEqualTo(uninterrupted.service().serviceName());
        assertThat(resumed.ingress()).isEqualTo(uninterrupted.ingress());
    }

    /** Runs steps [from, to) as the runner does: each reads what the earlier ones recorded. */
    private CloudResources run(int from, int to, CloudResources start, boolean keyPending) {
        CloudResources resources = start;
        boolean pending = keyPending;
        for (int i = from; i < to; i++) {
            boolean offerKey = pending;
            StepOutcome outcome = STEPS.get(i).run(new StepContext(fake.provider(), EmptyAccount.ENVIRONMENT, SPEC,
                    resources, null, null, () -> offerKey ? KEY : null, null));
            resources = outcome.resources();
            pending = pending && !outcome.apiKeyDelivered();
        }
        return resources;
    }

    private String specHash() {
        AwsCall register = fake.onlyCall("ecs:RegisterTaskDefinition");
        for (JsonNode tag : register.json().get("tags")) {
            if ("mcp-portal:spec-hash".equals(tag.get("key").asString())) {
                return tag.get("value").asString();
            }
        }
        throw new AssertionError("no spec hash tag");
    }

    private static int indexOf(String step) {
        return STEPS.stream().map(CloudStep::name).toList().indexOf(step);
    }
}
