package com.mcpportal.portal.environment.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.aws.AwsClients;
import com.mcpportal.portal.cloud.aws.AwsCloudProvider;
import com.mcpportal.portal.cloud.aws.emulator.EnvironmentInventory;
import com.mcpportal.portal.cloud.aws.emulator.MotoEcrRegistry;
import com.mcpportal.portal.cloud.aws.emulator.MotoServer;
import com.mcpportal.portal.cloud.aws.sdk.AwsCallLog;
import com.mcpportal.portal.cloud.image.DockerRegistry;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.environment.ImageSource;

import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;

/**
 * The portal's real AWS adapter ({@link AwsCloudProvider}, built as the portal builds it with the endpoint override)
 * driven through the operations' real step lists against moto, an AWS emulator nobody here wrote: test connection,
 * account roles, provisioning with a crash after every step (and one inside the NAT step) each resumed, what was
 * built read back with the SDK, stop, start, an update, a team's own image tag (missing, then pushed), deprovisioning.
 * One environment, in order. It runs the MCP server the portal publishes (the default image source): moto answers
 * ECR's API calls (the login, the repository, its tags) and Debian's docker-registry, standing in for the registry
 * moto does not serve, takes the push, and only with the login moto's ECR handed out ({@link MotoEcrRegistry}).
 *
 * <p>Where moto cannot do what AWS does, the test says so and asserts the requests the portal sent: moto loads no
 * AWS managed IAM policies (so the account-roles step fails, as in an account whose SCPs forbid it, and the
 * environment goes on with roles "entered on the cloud account"); it runs no containers, so no task ever reports
 * HEALTHY (the waits for healthy tasks are asserted to fail with the right message within a short wait timeout);
 * it keeps capacity provider strategies without acting on them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsEmulatorLifecycleIntegrationTests {

    private static final String REGION = "eu-west-1";
    /** Long enough for any wait moto can satisfy (its resources are ready at once), short for the ones it cannot. */
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final String KEY = "xi-moto-lifecycle-key";

    @RegisterExtension
    static final MotoServer moto = MotoServer.shared();

    @RegisterExtension
    static final MotoEcrRegistry ecr = new MotoEcrRegistry();

    private AwsCloudProvider cloud;
    private ServerImages serverImages;
    private AwsClients aws;
    private EnvironmentRef env;
    private EnvironmentSpec spec = new EnvironmentSpec(REGION, FargateSize.DEFAULT, Architecture.ARM64,
            ImageSource.PUBLISHED, null, null, NatSpec.defaults(), false, 7, List.of("203.0.113.0/24"));
    private AccountRoles configuredRoles;
    private CloudResources resources = CloudResources.NONE;
    private boolean keyPending = true;

    @BeforeAll
    void anEnvironmentOfItsOwn() {
        cloud = moto.provider(moto.settings(WAIT), ecr.imageSettings());
        serverImages = new ServerImages(ecr.imageSettings());
        aws = moto.clients(REGION);
        env = new EnvironmentRef(CloudTarget.defaultCredentials("moto", REGION), "life" + System.nanoTime() % 1_000_000,
                "Platform", "lifecycle");
    }

    @Test
    @Order(1)
    void testConnectionSaysWhoThePortalIsInTheAccount() {
        var check = cloud.testConnection(env.target());

        assertThat(check.ok()).isTrue();
        assertThat(check.account()).isEqualTo("123456789012");
    }

    @Test
    @Order(2)
    void withoutTheManagedExecutionPolicyTheRolesStepSaysToEnterRoleArnsOnTheCloudAccount() {
        // moto loads no AWS managed policies: AttachRolePolicy answers NoSuchEntity, as AWS does where the policy
        // does not exist. The request the portal sent is the one AWS needs.
        List<AwsCallLog.Call> attempt = AwsCallLog.during(() -> {
            assertThatThrownBy(() -> run(OperationKind.PROVISION, "account-roles"))
                    .isInstanceOfSatisfying(CloudException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.providerMessage()).contains("AmazonECSTaskExecutionRolePolicy",
                                "enter their ARNs on the cloud account");
                    });
        });
        assertThat(attempt).filteredOn(call -> call.name().equals("iam:AttachRolePolicy")).singleElement()
                .satisfies(call -> assertThat(call.request(AttachRolePolicyRequest.class).policyArn())
                        .isEqualTo("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));

        // The portal created the execution role before it stopped; the user does what the message says: creates the
        // task role, and enters both ARNs on the cloud account. The step goes on with them.
        var execution = aws.iam().getRole(r -> r.roleName("mcp-portal-task-execution")).role();
        assertThat(URLDecoder.decode(execution.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                .contains("ecs-tasks.amazonaws.com");
        var task = aws.iam().createRole(r -> r.roleName("lifecycle-" + env.environmentId() + "-task")
                .assumeRolePolicyDocument(execution.assumeRolePolicyDocument())).role();
        configuredRoles = new AccountRoles(execution.arn(), task.arn());
        record(run(OperationKind.PROVISION, "account-roles"));
        assertThat(resources.roles()).isEqualTo(configuredRoles);
    }

    @Test
    @Order(3)
    void aCrashAfterEveryProvisioningStepIsResumedWithoutCreatingOrPushingAnythingTwice() {
        for (CloudStep step : provisionStepsMotoCanFinish()) {
            if (step.name().equals("account-roles")) {
                continue;
            }
            if (step.name().equals("nat-instance")) {
                // The worst moment inside the step: the instance is launched, its source/dest check not yet off.
                AwsCallLog.crashBefore("ec2:ModifyInstanceAttribute");
                assertThatThrownBy(() -> run(step)).isInstanceOf(AwsCallLog.SimulatedCrash.class);
                assertThat(AwsCallLog.during(() -> run(step)).calls()).as("the NAT step after a crash inside it")
                        .extracting(AwsCallLog.Call::name).doesNotContain("ec2:RunInstances")
                        .contains("ec2:ModifyInstanceAttribute", "ec2:CreateRoute");
            } else {
                run(step); // its cloud calls happen (the image is pushed), then the portal dies before recording them
            }
            int registryCalls = ecr.registry().requests().size();
            List<AwsCallLog.Call> resumed = AwsCallLog.during(() -> record(run(step)));

            assertThat(resumed).as("calls of %s, resumed", step.name()).noneMatch(CREATES);
            assertThat(ecr.registry().writesSince(registryCalls)).as("registry writes of %s, resumed", step.name())
                    .isEmpty();
            if (step.name().equals("server-image")) {
                assertThat(resumed).extracting(AwsCallLog.Call::name).containsExactly("ecr:GetAuthorizationToken");
                assertThat(resources.image().tag()).isNotNull();
                assertThat(ecr.registry().manifest(resources.repository().name(), resources.image().tag()).digest())
                        .as("the image the crashed run pushed").isEqualTo(resources.image().digest());
            }
        }

        assertThat(EnvironmentInventory.of(aws, env)).isEqualTo(EnvironmentInventory.provisioned());
        Instance nat = natInstance();
        assertThat(nat.sourceDestCheck()).as("source/dest check, set by the resumed NAT step").isFalse();
        assertThat(resources.nat().instanceId()).isEqualTo(nat.instanceId());
    }

    @Test
    @Order(4)
    void whatProvisioningBuiltReadsBackAsDesigned() {
        ProvisionedLayout.assertBuiltAsDesigned(aws, env, resources, KEY);
    }

    @Test
    @Order(4)
    void theTaskDefinitionRunsThePublishedServerByTheDigestTheRegistryHolds() {
        String repository = resources.repository().name();
        ImageRef image = resources.image();
        DockerRegistry.Manifest manifest = ecr.registry().manifest(repository, image.tag());

        assertThat(taskImage(resources.taskDefinition().arn()))
                .isEqualTo(ecr.registry().host() + "/" + repository + "@" + manifest.digest());
        assertThat(image.digest()).isEqualTo(manifest.digest());
        assertThat(image.version()).isEqualTo(serverImages.carriedVersion().orElseThrow());
        assertThat(image.tag()).startsWith(image.version() + "-").contains("-arm64-");
        assertThat(ecr.registry().json(repository, manifest.json().at("/config/digest").asString())
                .path("architecture").asString()).isEqualTo("arm64");
        assertThat(aws.ecr().describeRepositories(r -> r.repositoryNames(repository)).repositories().get(0)
                .imageTagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE);
    }

    @Test
    @Order(5)
    void theServiceHealthyStepWaitsForAHealthyTaskWhichMotoNeverReports() {
        long started = System.nanoTime();
        List<AwsCallLog.Call> calls = AwsCallLog.during(() -> {
            assertThatThrownBy(() -> run(OperationKind.PROVISION, "service-healthy"))
                    .isInstanceOfSatisfying(CloudException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CloudErrorKind.TIMEOUT);
                        assertThat(e.providerMessage()).contains("ECS service " + env.resourceName()
                                + " running 1 healthy task(s)", "last seen: ACTIVE, desired 1, running 1");
                    });
        });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT.plusSeconds(5));
        assertThat(calls).extracting(AwsCallLog.Call::name).contains("ecs:ListTasks");
    }

    @Test
    @Order(6)
    void stopDrainsTheServiceBeforeStoppingTheNat() {
        List<String> calls = AwsCallLog.during(() -> runAll(OperationKind.STOP, EnvironmentPower.ON)).stream()
                .filter(MUTATIONS).map(AwsCallLog.Call::name).toList();

        assertThat(calls).containsExactly("ecs:UpdateService", "ec2:StopInstances");
        assertThat(natInstance().state().nameAsString()).isEqualTo("stopped");
        assertThat(service().desiredCount()).isZero();
        assertThat(cloud.describe(env).nat()).isEqualTo(NatState.STOPPED);
    }

    @Test
    @Order(7)
    void startRunsTheNatBeforeScalingTheServiceUp() {
        // The scale-up waits for a healthy task, which moto never reports: the step fails after the requests.
        List<AwsCallLog.Call> calls = AwsCallLog.during(() -> {
            assertThatThrownBy(() -> runAll(OperationKind.START, EnvironmentPower.OFF)).isInstanceOfSatisfying(
                    CloudException.class, e -> assertThat(e.kind()).isEqualTo(CloudErrorKind.TIMEOUT));
        });

        assertThat(calls.stream().filter(MUTATIONS).map(AwsCallLog.Call::name))
                .containsExactly("ec2:StartInstances", "ecs:UpdateService");
        assertThat(calls).filteredOn(call -> call.name().equals("ecs:UpdateService")).singleElement()
                .satisfies(call -> assertThat(call.request(UpdateServiceRequest.class).desiredCount()).isEqualTo(1));
        assertThat(natInstance().state().nameAsString()).isEqualTo("running");
        assertThat(service().desiredCount()).isEqualTo(1);
    }

    @Test
    @Order(8)
    void provisioningAgainAppliesChangedSettingsAndKeepsThePublishedServer() {
        String firstRevision = resources.taskDefinition().arn();
        ImageRef published = resources.image();
        spec = new EnvironmentSpec(REGION, new FargateSize(512, 1024), Architecture.ARM64, ImageSource.PUBLISHED,
                null, null, NatSpec.defaults(), true, 14, List.of("198.51.100.0/24"));
        keyPending = false;
        // A repository an older portal made, before tags were immutable: the update makes them so.
        aws.ecr().putImageTagMutability(r -> r.repositoryName(resources.repository().name())
                .imageTagMutability(ImageTagMutability.MUTABLE));
        int registryCalls = ecr.registry().requests().size();

        List<AwsCallLog.Call> calls = AwsCallLog.during(() -> provisionStepsMotoCanFinish()
                .forEach(step -> record(run(step))));

        assertThat(aws.logs().describeLogGroups(r -> r.logGroupNamePrefix(resources.logGroup().name())).logGroups()
                .get(0).retentionInDays()).isEqualTo(14);
        TaskDefinition task = aws.ecs().describeTaskDefinition(r -> r.taskDefinition(env.resourceName()))
                .taskDefinition();
        assertThat(task.taskDefinitionArn()).isEqualTo(resources.taskDefinition().arn()).isNotEqualTo(firstRevision);
        assertThat(task.cpu()).isEqualTo("512");
        assertThat(resources.image()).as("the published server, kept").isEqualTo(published);
        assertThat(task.containerDefinitions().get(0).image()).isEqualTo(published.reference())
                .endsWith("@" + published.digest());
        assertThat(ecr.registry().requests()).as("the registry, not even asked").hasSize(registryCalls);
        assertThat(calls).extracting(AwsCallLog.Call::name).doesNotContain("ecr:GetAuthorizationToken")
                .contains("ecr:PutImageTagMutability");
        assertThat(aws.ecr().describeRepositories(r -> r.repositoryNames(resources.repository().name()))
                .repositories().get(0).imageTagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE);
        assertThat(task.containerDefinitions().get(0).environment()).anySatisfy(variable -> {
            assertThat(variable.name()).isEqualTo("MCP_SERVER_ALLOWED_CIDRS");
            assertThat(variable.value()).isEqualTo("198.51.100.0/24");
        });
        assertThat(service().taskDefinition()).isEqualTo(task.taskDefinitionArn());
        // moto keeps a capacity provider strategy without acting on it: the request is what counts.
        assertThat(calls).filteredOn(call -> call.name().equals("ecs:UpdateService")).singleElement()
                .satisfies(call -> {
                    UpdateServiceRequest update = call.request(UpdateServiceRequest.class);
                    assertThat(update.capacityProviderStrategy()).extracting(c -> c.capacityProvider())
                            .containsExactly("FARGATE_SPOT");
                    assertThat(update.platformVersion()).as("ARM64 on Fargate Spot needs 1.4.0 or later")
                            .isEqualTo("LATEST");
                    assertThat(update.forceNewDeployment()).isTrue();
                    assertThat(update.desiredCount()).as("the count is the power steps' business").isNull();
                });
        assertThat(calls).noneMatch(call -> call.name().equals("ecs:CreateService")
                || call.name().equals("ec2:RunInstances") || call.name().equals("ec2:CreateVpc"));
        Map<String, Integer> expected = new TreeMap<>(EnvironmentInventory.provisioned());
        expected.put("ecs-task-definition", 2); // the earlier revision stays registered until deprovisioning
        assertThat(EnvironmentInventory.of(aws, env)).isEqualTo(expected);
    }

    @Test
    @Order(9)
    void anOwnTagThatIsNotInTheRepositoryFailsTheImageStepAtOnceSayingWhatToDo() {
        String taskDefinition = resources.taskDefinition().arn();
        spec = ownTag("team-build-7");

        List<AwsCallLog.Call> calls = AwsCallLog.during(() -> {
            assertThatThrownBy(() -> run(OperationKind.PROVISION, "server-image"))
                    .isInstanceOfSatisfying(CloudException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CloudErrorKind.INVALID_REQUEST);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.providerMessage()).contains("The repository " + resources.repository().uri()
                                + " has no image tagged 'team-build-7'", "choose the MCP server published by the"
                                + " portal; then Retry");
                    });
        });

        assertThat(calls).extracting(AwsCallLog.Call::name).as("one lookup, before any task definition or service")
                .containsExactly("ecr:DescribeImages");
        assertThat(service().taskDefinition()).isEqualTo(taskDefinition);
    }

    @Test
    @Order(10)
    void anOwnTagInTheRepositoryIsFoundAndTheTaskDefinitionNamesIt() {
        // The team's CI pushes its build as team-build-7. moto keeps the manifest (it has no registry for layers):
        // the published server's, under the team's tag, with the digest of its bytes as ECR computes it.
        String repository = resources.repository().name();
        DockerRegistry.Manifest build = ecr.registry().manifest(repository, resources.image().tag());
        aws.ecr().putImage(r -> r.repositoryName(repository).imageTag("team-build-7").imageDigest(build.digest())
                .imageManifest(ecr.registry().manifestText(repository, resources.image().tag())));

        List<AwsCallLog.Call> calls = AwsCallLog.during(() -> provisionStepsMotoCanFinish()
                .forEach(step -> record(run(step))));

        assertThat(resources.image()).isEqualTo(ImageRef.ownTag(resources.repository().uri(), "team-build-7",
                build.digest(), Architecture.ARM64));
        assertThat(taskImage(resources.taskDefinition().arn())).isEqualTo(resources.repository().uri()
                + ":team-build-7");
        assertThat(service().taskDefinition()).isEqualTo(resources.taskDefinition().arn());
        assertThat(calls).extracting(AwsCallLog.Call::name).contains("ecr:DescribeImages")
                .doesNotContain("ecr:GetAuthorizationToken");
    }

    @Test
    @Order(11)
    void deprovisioningLeavesNothingAliveAndTheRemainingCheckSeesThroughWhatTheTagListKeeps() {
        runAll(OperationKind.DEPROVISION, EnvironmentPower.ON); // check-remaining, the last step, passes

        assertThat(EnvironmentInventory.of(aws, env)).isEqualTo(EnvironmentInventory.nothing());
        // moto's tagging API, like AWS's, still lists the terminated NAT and the inactive ECS cluster and service.
        assertThat(aws.tagging().getResources(r -> r.tagFilters(f -> f.key(EnvironmentRef.TAG_ENVIRONMENT_ID)
                .values(env.environmentId()))).resourceTagMappingList()).isNotEmpty();
        assertThat(cloud.remainingResources(env)).isEmpty();
    }

    // --- running steps as the operation runner does ------------------------------------------------------------

    private static final Predicate<AwsCallLog.Call> CREATES = call -> {
        String operation = call.operation();
        return !call.service().equals("iam") && (operation.startsWith("Create") || operation.equals("RunInstances")
                || operation.equals("RegisterTaskDefinition"));
    };

    private static final Predicate<AwsCallLog.Call> MUTATIONS = call -> !call.operation().startsWith("Describe")
            && !call.operation().startsWith("List") && !call.operation().startsWith("Get");

    /** Provisioning without its last step, the wait for a healthy task that moto never reports. */
    private static List<CloudStep> provisionStepsMotoCanFinish() {
        return OperationPlans.steps(OperationKind.PROVISION).stream()
                .filter(step -> !step.name().equals("service-healthy")).toList();
    }

    private StepOutcome run(OperationKind kind, String name) {
        return run(OperationPlans.steps(kind).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow());
    }

    private StepOutcome run(CloudStep step) {
        return run(step, null);
    }

    private StepOutcome run(CloudStep step, EnvironmentPower power) {
        boolean offerKey = keyPending;
        return step.run(new StepContext(cloud, env, spec, resources, configuredRoles, power,
                () -> offerKey ? KEY : null, serverImages));
    }

    private EnvironmentSpec ownTag(String tag) {
        return new EnvironmentSpec(spec.region(), spec.size(), spec.architecture(), ImageSource.REPOSITORY, tag, null,
                spec.nat(), spec.fargateSpot(), spec.logRetentionDays(), spec.allowedCidrs());
    }

    private String taskImage(String taskDefinitionArn) {
        return aws.ecs().describeTaskDefinition(r -> r.taskDefinition(taskDefinitionArn)).taskDefinition()
                .containerDefinitions().get(0).image();
    }

    private void runAll(OperationKind kind, EnvironmentPower power) {
        OperationPlans.steps(kind).forEach(step -> record(run(step, power)));
    }

    private void record(StepOutcome outcome) {
        resources = outcome.resources();
        keyPending = keyPending && !outcome.apiKeyDelivered();
    }

    private Instance natInstance() {
        return ProvisionedLayout.natInstance(aws, resources);
    }

    private Service service() {
        return ProvisionedLayout.service(aws, env);
    }
}
