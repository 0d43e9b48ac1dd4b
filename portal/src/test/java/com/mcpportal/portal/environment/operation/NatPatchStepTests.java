package com.mcpportal.portal.environment.operation;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Error;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.NEW;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.NEWER_AMI;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.NEW_ENI;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.OLD;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.OLD_ENI;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.fresh;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.old;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.audit.AuditOutcome;
import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;
import com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.environment.ImageSource;

/**
 * The NAT patch step on the AWS adapter: what it records and audits, the power it leaves the new NAT in, and the
 * difference between the Patch NAT operation (a cloud error fails it; Retry resumes) and Start (a cloud error is
 * recorded and the start goes on with the NAT there is).
 */
class NatPatchStepTests {

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final NatReplacementAccount account = NatReplacementAccount.on(fake);

    /** The environment as provisioning recorded it: the NAT of last month. */
    private final CloudResources recorded = CloudResources.NONE.withNetwork(EmptyAccount.network())
            .withNat(new NatInstance(OLD, OLD_ENI, EmptyAccount.NAT_GROUP, EmptyAccount.AMI, "t4g.nano",
                    NatState.STOPPED, null));

    @Test
    void anOffEnvironmentsOutdatedNatIsReplacedLeftStoppedRecordedAndAudited() {
        account.nats(old("stopped")).published(NEWER_AMI).routeLeadsTo(OLD_ENI).launches()
                .newNatReports(true, "running", "running", "stopped");

        StepOutcome outcome = NatPatchStep.PATCH.run(context(EnvironmentPower.OFF));

        assertThat(outcome.resources().nat().instanceId()).isEqualTo(NEW);
        assertThat(outcome.resources().nat().imageId()).isEqualTo(NEWER_AMI);
        assertThat(outcome.resources().nat().state()).isEqualTo(NatState.STOPPED);
        assertThat(outcome.detail()).isEqualTo(OLD + " (" + EmptyAccount.AMI + ") replaced by " + NEW + " on "
                + NEWER_AMI + ", stopped");
        assertThat(outcome.event().action()).isEqualTo("environment.nat.replaced");
        assertThat(outcome.event().outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(outcome.event().details()).containsEntry("oldInstance", OLD)
                .containsEntry("oldImage", EmptyAccount.AMI).containsEntry("newInstance", NEW)
                .containsEntry("newImage", NEWER_AMI);
        assertThat(NatReplacementAccount.mutations(fake)).endsWith("ec2:StopInstances");
    }

    @Test
    void anOnEnvironmentsNatIsLeftRunning() {
        account.nats(old("running")).published(NEWER_AMI).routeLeadsTo(OLD_ENI).launches()
                .newNatReports(true, "running");

        StepOutcome outcome = NatPatchStep.PATCH.run(context(EnvironmentPower.ON));

        assertThat(outcome.resources().nat().state()).isEqualTo(NatState.RUNNING);
        assertThat(NatReplacementAccount.mutations(fake)).doesNotContain("ec2:StopInstances");
    }

    @Test
    void aCurrentNatIsLeftAloneWithNothingAudited() {
        account.nats(old("stopped")).routeLeadsTo(OLD_ENI);

        StepOutcome outcome = NatPatchStep.AT_START.run(context(EnvironmentPower.OFF));

        assertThat(outcome.resources()).isEqualTo(recorded);
        assertThat(outcome.detail()).startsWith(OLD + " runs the latest AMI " + EmptyAccount.AMI);
        assertThat(outcome.event()).isNull();
        assertThat(NatReplacementAccount.mutations(fake)).isEmpty();
    }

    @Test
    void runAgainAfterACrashBehindTheReplacementItRecordsAndAuditsWhatTheEarlierRunDid() {
        // The earlier run replaced the NAT and the portal died before recording it: the record names the old one.
        account.nats(fresh("stopped", false)).published(NEWER_AMI).routeLeadsTo(NEW_ENI);

        StepOutcome outcome = NatPatchStep.PATCH.run(context(EnvironmentPower.OFF));

        assertThat(NatReplacementAccount.mutations(fake)).isEmpty();
        assertThat(outcome.resources().nat().instanceId()).isEqualTo(NEW);
        assertThat(outcome.event().details()).containsEntry("oldInstance", OLD).containsEntry("newInstance", NEW);
    }

    @Test
    void aFailedReplacementFailsThePatchOperation() {
        account.nats(old("stopped")).published(NEWER_AMI).routeLeadsTo(OLD_ENI);
        fake.answer(ec2("RunInstances"), ec2Error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation."));

        assertThatThrownBy(() -> NatPatchStep.PATCH.run(context(EnvironmentPower.OFF)))
                .isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.errorCode())
                        .isEqualTo("UnauthorizedOperation"));
    }

    @Test
    void aFailedReplacementAtStartIsRecordedAndTheStartGoesOnWithTheNatThereIs() {
        account.nats(old("stopped")).published(NEWER_AMI).routeLeadsTo(OLD_ENI);
        fake.answer(ec2("RunInstances"), ec2Error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation."));

        StepOutcome outcome = NatPatchStep.AT_START.run(context(EnvironmentPower.OFF));

        assertThat(outcome.resources()).isEqualTo(recorded);
        assertThat(outcome.detail()).isEqualTo("not patched (UnauthorizedOperation: You are not authorized to perform"
                + " this operation.); starts on its current AMI");
        assertThat(outcome.event().action()).isEqualTo("environment.nat.patch-skipped");
        assertThat(outcome.event().outcome()).isEqualTo(AuditOutcome.FAILURE);
    }

    private StepContext context(EnvironmentPower power) {
        return new StepContext(fake.provider(), EmptyAccount.ENVIRONMENT, new EnvironmentSpec(AwsFake.REGION,
                FargateSize.DEFAULT, Architecture.ARM64, ImageSource.PUBLISHED, null, null, NatSpec.defaults(), false,
                7, List.of()), recorded, null, power, () -> null, null);
    }
}
