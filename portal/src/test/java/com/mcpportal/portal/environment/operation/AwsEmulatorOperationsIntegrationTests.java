package com.mcpportal.portal.environment.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cloud.account.CloudAccountMode;
import com.mcpportal.portal.cloud.account.CloudAccountSettings;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.cloud.aws.AwsClients;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.aws.emulator.EnvironmentInventory;
import com.mcpportal.portal.cloud.aws.emulator.MotoEcrRegistry;
import com.mcpportal.portal.cloud.aws.emulator.MotoServer;
import com.mcpportal.portal.cloud.image.DockerRegistry;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole portal (Spring context, Quartz, its database) with an AWS-mode cloud account and
 * {@code portal.aws.endpoint-override} pointing at moto, as a new user tries the AWS adapter: the operations run as
 * Quartz jobs, step by step, with Retry and the recovery of an operation interrupted by a crash.
 *
 * <p>moto cannot do two things AWS does, and the story meets both as a user would: it has no AWS managed IAM
 * policies, so the account-roles step fails and says to enter role ARNs on the cloud account (the user does, and
 * retries); and it runs no containers, so the provisioning's last step, the wait for a healthy task, fails with its
 * timeout message (a short {@code portal.aws.wait-timeout} here) after every resource exists. Deprovisioning, from
 * there, ends SUCCEEDED with nothing alive.
 *
 * <p>The environment runs the MCP server the portal publishes (the form's default). moto answers ECR's API but serves
 * no registry, so {@code portal.images.registry-override} sends the push to Debian's docker-registry, which takes
 * only the login moto's ECR handed out ({@link MotoEcrRegistry}), with a small base image pushed there first.
 */
@SpringBootTest
@Import(TestData.class)
class AwsEmulatorOperationsIntegrationTests {

    private static final String REGION = "eu-central-1";

    @RegisterExtension
    static final MotoServer moto = MotoServer.shared();

    @RegisterExtension
    static final MotoEcrRegistry ecr = new MotoEcrRegistry();

    @DynamicPropertySource
    static void awsOnMoto(DynamicPropertyRegistry registry) {
        ecr.portalOn(moto, registry);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    CloudAccounts accounts;

    @Autowired
    EnvironmentOperations operations;

    @Autowired
    OperationRunner runner;

    @Autowired
    OperationRecovery recovery;

    @Autowired
    OperationQueue queue;

    @AfterEach
    void stopObserving() {
        runner.observeWith(null);
    }

    @Test
    void anAwsModeEnvironmentIsProvisionedThroughTheOperationsAndDeprovisionedWithNothingLeft() {
        Environments environments = new Environments(context);
        CloudAccount account = accounts.create(new CloudAccountSettings(TestData.unique("moto"), CloudAccountMode.AWS,
                REGION, null, null, null, null));
        assertThat(accounts.testConnection(account.getId()).message()).contains("123456789012");
        long teamId = data.team("Moto", data.user("moto-owner")).getId();
        Environment environment = environments.service().create(teamId, Environments.input(
                TestData.unique("moto"), account.getId()));
        AwsClients aws = moto.clients(REGION);
        EnvironmentRef ref = environments.service().cloudOf(environment.getId()).ref();

        // 1. No AWS managed policies in moto: the first step stops and says what to do.
        long provisioning = Environments.enqueued(operations.requestProvision(environment.getId(), Actor.user("admin")));
        environments.awaitOperation(provisioning, "FAILED");
        OperationView failed = operations.latest(environment.getId()).orElseThrow();
        assertThat(failed.failedStep()).isEqualTo("account-roles");
        assertThat(failed.errorMessage()).contains("AmazonECSTaskExecutionRolePolicy",
                "enter their ARNs on the cloud account");

        // 2. The user enters the roles on the cloud account (the execution role the portal made, a task role of
        //    their own) and retries; the portal dies twice on the way: right after the NAT step's cloud calls, and
        //    right after the server image was pushed.
        var execution = aws.iam().getRole(r -> r.roleName("mcp-portal-task-execution")).role();
        var task = aws.iam().createRole(r -> r.roleName("moto-e2e-" + ref.environmentId())
                .assumeRolePolicyDocument(execution.assumeRolePolicyDocument())).role();
        accounts.update(account.getId(), new CloudAccountSettings(account.getName(), CloudAccountMode.AWS, REGION,
                null, null, execution.arn(), task.arn()));
        Deque<String> crashes = new ArrayDeque<>(List.of("nat-instance", "server-image"));
        runner.observeWith(new StepObserver() {
            @Override
            public void afterCloudCall(long operationId, String step) {
                synchronized (crashes) {
                    if (step.equals(crashes.peek())) {
                        crashes.poll();
                        throw new OperationResumeIntegrationTests.SimulatedCrash(step);
                    }
                }
            }
        });
        Environments.enqueued(operations.retry(environment.getId(), Actor.user("admin")));
        for (int remaining = 1; remaining >= 0; remaining--) {
            int left = remaining;
            await().atMost(Duration.ofSeconds(60)).until(() -> crashesLeft(crashes) == left
                    && !queue.holds(provisioning));
            assertThat(operations.latest(environment.getId()).orElseThrow().state())
                    .isEqualTo(OperationState.RUNNING);
            assertThat(recovery.resumeOrphans()).isEqualTo(1);
        }

        // 3. Every resource is made once, the image pushed once; the last step waits for a healthy task, which moto
        //    never reports.
        environments.awaitOperation(provisioning, "FAILED");
        OperationView provisioned = operations.latest(environment.getId()).orElseThrow();
        assertThat(provisioned.failedStep()).isEqualTo("service-healthy");
        assertThat(provisioned.errorMessage()).contains("running 1 healthy task(s)", "last seen: ACTIVE, desired 1");
        assertThat(provisioned.steps()).filteredOn(step -> !step.name().equals("service-healthy"))
                .allSatisfy(step -> assertThat(step.state()).as(step.name()).isEqualTo(StepState.DONE));
        assertThat(provisioned.steps()).filteredOn(step -> step.name().equals("nat-instance")
                || step.name().equals("server-image")).extracting(OperationView.StepView::attempts)
                .containsExactly(2, 2);
        assertThat(provisioned.steps()).filteredOn(step -> step.name().equals("server-image")).singleElement()
                .satisfies(step -> assertThat(step.detail()).contains("already there"));
        assertThat(EnvironmentInventory.of(aws, ref)).isEqualTo(EnvironmentInventory.provisioned());
        var resources = environments.service().get(environment.getId()).resources();
        String repository = resources.repository().name();
        ImageRef image = resources.image();
        DockerRegistry.Manifest manifest = ecr.registry().manifest(repository, image.tag());
        assertThat(ecr.registry().requests()).as("the manifest pushed once, by the run that crashed")
                .filteredOn(call -> call.method().equals("PUT") && call.path().startsWith("/v2/" + repository
                        + "/manifests/")).hasSize(1);
        assertThat(aws.ecs().describeTaskDefinition(r -> r.taskDefinition(resources.taskDefinition().arn()))
                .taskDefinition().containerDefinitions().get(0).image())
                .isEqualTo(ecr.registry().host() + "/" + repository + "@" + manifest.digest());

        // 4. Retry resumes at that step alone, and creates nothing.
        Environments.enqueued(operations.retry(environment.getId(), Actor.user("admin")));
        OperationView retried = await().atMost(Duration.ofSeconds(30))
                .until(() -> operations.latest(environment.getId()).orElseThrow(),
                        view -> view.runs() > provisioned.runs() && !view.inFlight());
        assertThat(retried.failedStep()).isEqualTo("service-healthy");
        assertThat(retried.steps()).filteredOn(step -> step.name().equals("network"))
                .extracting(OperationView.StepView::attempts).containsExactly(1);
        assertThat(EnvironmentInventory.of(aws, ref)).isEqualTo(EnvironmentInventory.provisioned());
        assertThat(environments.service().get(environment.getId()).resources().mcpUrl()).contains("execute-api");

        // 5. Deprovisioning ends SUCCEEDED: the remaining check sees through what the tag listing still shows.
        long deprovisioning = Environments.enqueued(operations.requestDeprovision(environment.getId(),
                Actor.user("admin")));
        environments.awaitOperation(deprovisioning, "SUCCEEDED");
        assertThat(environments.service().get(environment.getId()).getState()).isEqualTo(EnvironmentState.DELETED);
        assertThat(EnvironmentInventory.of(aws, ref)).isEqualTo(EnvironmentInventory.nothing());
        assertThat(operations.latest(environment.getId()).orElseThrow().steps())
                .extracting(OperationView.StepView::name, OperationView.StepView::detail)
                .contains(tuple("check-remaining", "none left"));
    }

    private static int crashesLeft(Deque<String> crashes) {
        synchronized (crashes) {
            return crashes.size();
        }
    }
}
