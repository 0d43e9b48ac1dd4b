package com.mcpportal.portal.environment.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.NatImageStatus;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.aws.AwsClients;
import com.mcpportal.portal.cloud.aws.AwsCloudProvider;
import com.mcpportal.portal.cloud.aws.emulator.EnvironmentInventory;
import com.mcpportal.portal.cloud.aws.emulator.MotoEcrRegistry;
import com.mcpportal.portal.cloud.aws.emulator.MotoServer;
import com.mcpportal.portal.cloud.aws.sdk.AwsCallLog;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.environment.ImageSource;

import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Patching the NAT instance with the portal's real AWS adapter against moto, through the operations' real steps: an
 * environment is provisioned and stopped, then Amazon "publishes" newer AMIs and the NAT follows them while off, after
 * a crash at each point of a replacement, and at a start before the service; nothing happens while it is current.
 *
 * <p>moto, like AWS, refuses to write Amazon's public parameters ({@code /aws/service/…}: "No access to reserved
 * parameter name"), so a newer AMI cannot be published where the portal reads it by default. The portal reads the
 * parameter named by {@code portal.aws.nat-image-parameter} (Amazon's by default; a company's golden-image pipeline
 * may publish its own), and this test points it at a parameter of its own, which it writes with the ids of moto's real
 * Amazon Linux 2023 images in turn: each write is a new "release". moto passes status checks at once and runs no
 * containers: the start's last step waits for a healthy task in vain, after the calls this test checks. The
 * environment runs the MCP server the portal publishes, the form's default, pushed as the emulator suite pushes it
 * ({@link MotoEcrRegistry}: moto's ECR login, Debian's docker-registry as its registry).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsEmulatorNatPatchIntegrationTests {

    private static final String REGION = "eu-north-1";
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final String AMAZON = "/aws/service/ami-amazon-linux-latest/";

    @RegisterExtension
    static final MotoServer moto = MotoServer.shared();

    @RegisterExtension
    static final MotoEcrRegistry ecr = new MotoEcrRegistry();

    private final EnvironmentSpec spec = new EnvironmentSpec(REGION, FargateSize.DEFAULT, Architecture.ARM64,
            ImageSource.PUBLISHED, null, null, NatSpec.defaults(), false, 7, List.of("203.0.113.0/24"));
    private AwsCloudProvider cloud;
    private ServerImages serverImages;
    private AwsClients aws;
    private EnvironmentRef env;
    private String parameter;
    private AccountRoles roles;
    private CloudResources resources = CloudResources.NONE;

    @BeforeAll
    void anEnvironmentOfItsOwn() {
        env = new EnvironmentRef(CloudTarget.defaultCredentials("moto", REGION), "natp" + System.nanoTime() % 1_000_000,
                "Platform", "nat-patch");
        parameter = "/mcp-portal-test/" + env.environmentId() + "/nat-image-{arch}";
        cloud = moto.provider(moto.settings(WAIT).withNatImageParameter(parameter), ecr.imageSettings());
        serverImages = new ServerImages(ecr.imageSettings());
        aws = moto.clients(REGION);
        publish(amazons("al2023-ami-minimal-kernel-6.1-arm64"));
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        roles = new AccountRoles(
                aws.iam().createRole(r -> r.roleName(env.environmentId() + "-exec").assumeRolePolicyDocument(trust))
                        .role().arn(),
                aws.iam().createRole(r -> r.roleName(env.environmentId() + "-task").assumeRolePolicyDocument(trust))
                        .role().arn());
    }

    @Test
    @Order(1)
    void aProvisionedEnvironmentThatIsOffHasItsNatOnTheAmiPublishedThen() {
        OperationPlans.steps(OperationKind.PROVISION).stream().filter(step -> !step.name().equals("service-healthy"))
                .forEach(step -> record(run(step, null)));
        runAll(OperationKind.STOP, EnvironmentPower.ON);

        assertThat(nat().imageId()).isEqualTo(amazons("al2023-ami-minimal-kernel-6.1-arm64"));
        assertThat(nat().state().nameAsString()).isEqualTo("stopped");
        assertThat(EnvironmentInventory.of(aws, env)).isEqualTo(EnvironmentInventory.provisioned());
    }

    @Test
    @Order(2)
    void whileTheAmiIsCurrentNothingHappens() {
        NatImageStatus status = cloud.natImageStatus(env).orElseThrow();

        List<AwsCallLog.Call> calls = AwsCallLog.during(() -> record(NatPatchStep.PATCH.run(context(
                EnvironmentPower.OFF))));

        assertThat(status.outdated()).isFalse();
        assertThat(calls).filteredOn(MUTATIONS).isEmpty();
        assertThat(resources.nat().instanceId()).isEqualTo(nat().instanceId());
    }

    @Test
    @Order(3)
    void aNewerAmiReplacesTheNatWhileOffMovesTheRouteAndTerminatesTheOldOne() {
        Instance old = nat();
        String newer = publish(amazons("al2023-ami-minimal-kernel-6.12-arm64"));
        NatImageStatus status = cloud.natImageStatus(env).orElseThrow();
        assertThat(status.outdated()).isTrue();
        assertThat(status.current().imageId()).isEqualTo(old.imageId());
        assertThat(status.latest().name()).startsWith("al2023-ami-minimal-").contains("kernel-6.12-arm64");
        assertThat(status.latest().createdAt()).isNotNull();

        List<AwsCallLog.Call> calls = AwsCallLog.during(() -> record(NatPatchStep.PATCH.run(context(
                EnvironmentPower.OFF))));

        Instance replaced = nat();
        assertThat(replaced.instanceId()).isNotEqualTo(old.instanceId()).isEqualTo(resources.nat().instanceId());
        assertThat(replaced.imageId()).isEqualTo(newer);
        assertThat(replaced.state().nameAsString()).isEqualTo("stopped");
        assertThat(replaced.sourceDestCheck()).isFalse();
        assertThat(replaced.instanceTypeAsString()).isEqualTo(old.instanceTypeAsString());
        assertThat(replaced.subnetId()).isEqualTo(old.subnetId());
        assertThat(replaced.metadataOptions().httpTokensAsString()).isEqualTo("required");
        assertThat(calls).filteredOn(call -> call.name().equals("ec2:RunInstances")).singleElement()
                .satisfies(call -> assertThat(call.request(RunInstancesRequest.class).networkInterfaces().get(0)
                        .groups()).containsExactly(resources.nat().securityGroupId()));
        assertThat(privateRouteTarget()).isEqualTo(resources.nat().networkInterfaceId());
        assertThat(state(old.instanceId())).isIn("shutting-down", "terminated");
        assertThat(calls).filteredOn(MUTATIONS).extracting(AwsCallLog.Call::name).containsExactly(
                "ec2:RunInstances", "ec2:ModifyInstanceAttribute", "ec2:ReplaceRoute", "ec2:TerminateInstances",
                "ec2:StopInstances");
        assertThat(EnvironmentInventory.of(aws, env).get("nat-instance")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aCrashAfterTheLaunchIsResumedWithoutASecondLaunchAndEndsWithOneNat() {
        Instance old = nat();
        String newer = publish(amazons("al2023-ami-minimal-kernel-6.18-arm64"));
        AwsCallLog.crashBefore("ec2:ReplaceRoute");
        assertThatThrownBy(() -> NatPatchStep.PATCH.run(context(EnvironmentPower.OFF)))
                .isInstanceOf(AwsCallLog.SimulatedCrash.class);
        assertThat(EnvironmentInventory.of(aws, env).get("nat-instance")).as("old and new, before the resume")
                .isEqualTo(2);
        assertThat(privateRouteTarget()).as("the route still on the old NAT").isEqualTo(primaryInterface(old));

        List<AwsCallLog.Call> calls = AwsCallLog.during(() -> record(NatPatchStep.PATCH.run(context(
                EnvironmentPower.OFF))));

        assertThat(calls).extracting(AwsCallLog.Call::name).doesNotContain("ec2:RunInstances")
                .contains("ec2:ReplaceRoute", "ec2:TerminateInstances");
        assertThat(EnvironmentInventory.of(aws, env).get("nat-instance")).isEqualTo(1);
        assertThat(nat().imageId()).isEqualTo(newer);
        assertThat(privateRouteTarget()).isEqualTo(primaryInterface(nat()));
        assertThat(resources.nat().instanceId()).isEqualTo(nat().instanceId());
    }

    @Test
    @Order(5)
    void aCrashAfterTheRouteSwitchIsResumedByTerminatingTheOldNatOnly() {
        String newer = publish(amazons("al2023-ami-kernel-default-arm64"));
        AwsCallLog.crashBefore("ec2:TerminateInstances");
        assertThatThrownBy(() -> NatPatchStep.PATCH.run(context(EnvironmentPower.OFF)))
                .isInstanceOf(AwsCallLog.SimulatedCrash.class);
        assertThat(EnvironmentInventory.of(aws, env).get("nat-instance")).isEqualTo(2);

        List<AwsCallLog.Call> calls = AwsCallLog.during(() -> record(NatPatchStep.PATCH.run(context(
                EnvironmentPower.OFF))));

        assertThat(calls).filteredOn(MUTATIONS).extracting(AwsCallLog.Call::name)
                .containsExactly("ec2:TerminateInstances", "ec2:StopInstances");
        assertThat(EnvironmentInventory.of(aws, env).get("nat-instance")).isEqualTo(1);
        assertThat(nat().imageId()).isEqualTo(newer);
        assertThat(nat().state().nameAsString()).isEqualTo("stopped");
        assertThat(privateRouteTarget()).isEqualTo(primaryInterface(nat()));
    }

    @Test
    @Order(6)
    void atAStartAnOutdatedNatIsReplacedBeforeTheServiceScalesUp() {
        String newer = publish(amazons("al2023-ami-kernel-6.12-arm64"));

        List<AwsCallLog.Call> calls = AwsCallLog.during(() -> {
            // moto runs no task, so the scale-up's wait for a healthy one times out, after the calls that matter.
            assertThatThrownBy(() -> runAll(OperationKind.START, EnvironmentPower.OFF)).isInstanceOfSatisfying(
                    CloudException.class, e -> assertThat(e.kind()).isEqualTo(CloudErrorKind.TIMEOUT));
        });

        assertThat(calls).filteredOn(MUTATIONS).extracting(AwsCallLog.Call::name).containsExactly(
                "ec2:RunInstances", "ec2:ModifyInstanceAttribute", "ec2:ReplaceRoute", "ec2:TerminateInstances",
                "ecs:UpdateService");
        assertThat(nat().imageId()).isEqualTo(newer);
        assertThat(nat().state().nameAsString()).isEqualTo("running");
        assertThat(EnvironmentInventory.of(aws, env).get("nat-instance")).isEqualTo(1);
    }

    @Test
    @Order(7)
    void deprovisioningLeavesNothing() {
        runAll(OperationKind.DEPROVISION, EnvironmentPower.ON);

        assertThat(EnvironmentInventory.of(aws, env)).isEqualTo(EnvironmentInventory.nothing());
        assertThat(cloud.remainingResources(env)).isEmpty();
    }

    // --- Amazon's releases and what exists ----------------------------------------------------------------------

    /** The id of one of moto's real Amazon Linux images, by its public parameter's name. */
    private String amazons(String name) {
        return aws.ssm().getParameter(r -> r.name(AMAZON + name)).parameter().value();
    }

    /** Writes the AMI to the parameter the portal reads: a new release. */
    private String publish(String imageId) {
        aws.ssm().putParameter(r -> r.name(parameter.replace("{arch}", "arm64")).value(imageId)
                .type(ParameterType.STRING).overwrite(true));
        return imageId;
    }

    /** The environment's NAT instance: the one alive, or the newest of several. */
    private Instance nat() {
        return natInstances().stream().max(java.util.Comparator.comparing(Instance::launchTime)).orElseThrow();
    }

    private List<Instance> natInstances() {
        return aws.ec2().describeInstances(r -> r.filters(
                        f -> f.name("tag:" + EnvironmentRef.TAG_ENVIRONMENT_ID).values(env.environmentId()),
                        f -> f.name("tag:" + EnvironmentRef.TAG_COMPONENT).values("nat"),
                        f -> f.name("instance-state-name").values("pending", "running", "stopping", "stopped")))
                .reservations().stream().flatMap(reservation -> reservation.instances().stream()).toList();
    }

    private String state(String instanceId) {
        return aws.ec2().describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0)
                .state().nameAsString();
    }

    private String privateRouteTarget() {
        return aws.ec2().describeRouteTables(r -> r.routeTableIds(resources.network().privateRouteTableId()))
                .routeTables().get(0).routes().stream().filter(route -> "0.0.0.0/0".equals(route.destinationCidrBlock()))
                .findFirst().orElseThrow().networkInterfaceId();
    }

    private static String primaryInterface(Instance instance) {
        return instance.networkInterfaces().get(0).networkInterfaceId();
    }

    // --- running steps as the operation runner does ------------------------------------------------------------

    private static final Predicate<AwsCallLog.Call> MUTATIONS = call -> !call.operation().startsWith("Describe")
            && !call.operation().startsWith("List") && !call.operation().startsWith("Get");

    private StepContext context(EnvironmentPower power) {
        return new StepContext(cloud, env, spec, resources, roles, power, () -> "xi-nat-patch-key", serverImages);
    }

    private StepOutcome run(CloudStep step, EnvironmentPower power) {
        return step.run(context(power));
    }

    private void runAll(OperationKind kind, EnvironmentPower power) {
        OperationPlans.steps(kind).forEach(step -> record(run(step, power)));
    }

    private void record(StepOutcome outcome) {
        resources = outcome.resources();
    }
}
