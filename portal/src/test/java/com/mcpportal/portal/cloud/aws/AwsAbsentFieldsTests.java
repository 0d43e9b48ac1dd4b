package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Ok;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.SecretRef;
import com.mcpportal.portal.cloud.ServerImage;
import com.mcpportal.portal.cloud.ServiceSpec;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.TaskSpec;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.Ec2Xml;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;
import com.mcpportal.portal.cloud.aws.fake.ProvisionedAccount;
import com.mcpportal.portal.cloud.aws.sdk.AbsentFields;
import com.mcpportal.portal.cloud.image.ImageSettings;
import com.mcpportal.portal.cloud.image.JibImagePublisher;

/**
 * Every output member of an AWS API is optional, and real answers (and emulators' answers: moto leaves the ARN out
 * of DescribeParameters) do leave fields out. A step that meets such an answer may fail with a {@link CloudException}
 * that says what was missing, but never crash with a NullPointerException or the like: that reaches the user as an
 * "internal error" that Retry hits again forever.
 *
 * <p>Each port method runs once against the fake account (fresh, and fully provisioned) to learn which fields its
 * answers carry, then once more for each of those fields with that one field taken out of the answers
 * ({@link AbsentFields}). The class of crash is pinned, not one line: a new {@code .map(X::y).findFirst()} or an
 * unboxed {@code Integer} anywhere in {@code cloud.aws} fails here.
 */
class AwsAbsentFieldsTests {

    private static final EnvironmentRef ENV = EmptyAccount.ENVIRONMENT;
    private static final SecretRef API_KEY = new SecretRef("/mcp-portal/mcp-env1/elevenlabs-api-key", null);
    private static final TaskDefinitionRef TASK = new TaskDefinitionRef(ProvisionedAccount.TASK_DEFINITION_ARN,
            "mcp-env1", 1);
    private static final String INSTANCE_ARN = "arn:aws:ec2:us-east-1:123456789012:instance/" + EmptyAccount.NAT_INSTANCE;
    private static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/mcp-env1";
    private static final String SERVICE_ARN = "arn:aws:ecs:us-east-1:123456789012:service/mcp-env1/mcp-env1";
    private static final ImageRepository REPOSITORY = new ImageRepository("mcp-env1",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/mcp-env1", "arn:aws:ecr:us-east-1:123456789012:repository/"
                    + "mcp-env1");
    /** The server image to publish: the login is AWS's part; the registry after it is a closed port. */
    private static final ServerImage SERVER_IMAGE = new ServerImage("0.1.0", "0123abc", "0.1.0-0123abc-arm64-f00d",
            "f00d".repeat(16), Architecture.ARM64, ImageSettings.DEFAULT_BASE_IMAGE, Path.of("mcp-server.jar"),
            List.of(), Map.of());

    private record PortCall(String name, Consumer<CloudProvider> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<PortCall> PORT_CALLS = List.of(
                new PortCall("testConnection", c -> c.testConnection(ENV.target())),
                new PortCall("ensureAccountRoles", c -> c.ensureAccountRoles(ENV.target())),
                new PortCall("ensureNetwork", c -> c.ensureNetwork(ENV, NetworkSpec.defaults())),
                new PortCall("ensureNatInstance", c -> c.ensureNatInstance(ENV, EmptyAccount.network(),
                        NatSpec.defaults())),
                new PortCall("ensureRepository", c -> c.ensureRepository(ENV)),
                new PortCall("publishImage", c -> c.publishImage(ENV, REPOSITORY, SERVER_IMAGE)),
                new PortCall("findImage", c -> c.findImage(ENV, REPOSITORY, "team-build-1", Architecture.ARM64)),
                new PortCall("ensureLogGroup", c -> c.ensureLogGroup(ENV, 7)),
                new PortCall("putSecret", c -> c.putSecret(ENV, CloudProvider.ELEVENLABS_API_KEY_SECRET, "xi-key")),
                new PortCall("ensureCluster", c -> c.ensureCluster(ENV)),
                new PortCall("registerTaskDefinition", c -> c.registerTaskDefinition(ENV, taskSpec())),
                new PortCall("ensureServiceDiscovery", c -> c.ensureServiceDiscovery(ENV, EmptyAccount.network())),
                new PortCall("ensureService", c -> c.ensureService(ENV, new ServiceSpec("mcp-env1", TASK,
                        EmptyAccount.network(), EmptyAccount.discovery(), 1, false))),
                new PortCall("ensureIngress", c -> c.ensureIngress(ENV, EmptyAccount.network(),
                        EmptyAccount.discovery())),
                new PortCall("startNat", c -> c.startNat(ENV)),
                new PortCall("stopNat", c -> c.stopNat(ENV)),
                new PortCall("scaleService 1", c -> c.scaleService(ENV, 1)),
                new PortCall("scaleService 0", c -> c.scaleService(ENV, 0)),
                new PortCall("describe", c -> c.describe(ENV)),
                new PortCall("deleteIngress", c -> c.deleteIngress(ENV)),
                new PortCall("deleteService", c -> c.deleteService(ENV)),
                new PortCall("deleteServiceDiscovery", c -> c.deleteServiceDiscovery(ENV)),
                new PortCall("deleteCluster", c -> c.deleteCluster(ENV)),
                new PortCall("deleteNatInstance", c -> c.deleteNatInstance(ENV)),
                new PortCall("deleteNetwork", c -> c.deleteNetwork(ENV)),
                new PortCall("deleteSecrets", c -> c.deleteSecrets(ENV)),
                new PortCall("remainingResources", c -> c.remainingResources(ENV)));

    @TestFactory
    Stream<DynamicTest> anAnswerWithoutAnyOneOfItsFieldsFailsTheStepClearlyOrNotAtAllInAFreshAccount() {
        return eachPortCall(false);
    }

    @TestFactory
    Stream<DynamicTest> anAnswerWithoutAnyOneOfItsFieldsFailsTheStepClearlyOrNotAtAllInAProvisionedAccount() {
        return eachPortCall(true);
    }

    /** One fake account for all the port calls (the answers never change), closed when they have run. */
    private static Stream<DynamicTest> eachPortCall(boolean provisioned) {
        AwsFake fake = AwsFake.start();
        EmptyAccount.on(fake);
        if (provisioned) {
            provisioned(fake);
        }
        CloudProvider cloud = quickProvider(fake);
        return PORT_CALLS.stream().map(call -> DynamicTest.dynamicTest(call.name(), () -> {
            fake.forgetCalls();
            checkWithoutEachField(fake, cloud, call);
        })).onClose(fake::close);
    }

    private static void checkWithoutEachField(AwsFake fake, CloudProvider cloud, PortCall portCall) {
        Set<AbsentFields.Field> fields = AbsentFields.presentIn(() -> outcome(cloud, portCall));

        List<String> crashes = new ArrayList<>();
        for (AbsentFields.Field field : fields) {
            Throwable outcome = AbsentFields.without(field, () -> outcome(cloud, portCall));
            if (outcome != null && !(outcome instanceof CloudException)) {
                StackTraceElement where = Stream.of(outcome.getStackTrace())
                        .filter(frame -> frame.getClassName().startsWith("com.mcpportal")).findFirst().orElse(null);
                crashes.add("without " + field + ": " + outcome + " at " + where);
            }
        }

        assertThat(fake.calls()).as("calls that reached the fake").isNotEmpty();
        assertThat(crashes).as(portCall.name()).isEmpty();
    }

    /** What the call ended with: null for success, else what it threw. */
    private static Throwable outcome(CloudProvider cloud, PortCall portCall) {
        try {
            portCall.call().accept(cloud);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /**
     * One attempt per call and per step, waits of a few polls: a missing field must not cost seconds here. Images go
     * to a loopback port nothing listens on: the login is the AWS part, and the registry fails at once after it.
     */
    private static CloudProvider quickProvider(AwsFake fake) {
        AwsSettings settings = new AwsSettings(fake.endpoint(), null, AwsSettings.RetryMode.STANDARD, 1,
                Duration.ofMillis(1), 1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(5));
        try {
            JibImagePublisher publisher = new JibImagePublisher(new ImageSettings(null, null, null,
                    URI.create("http://127.0.0.1:" + closedPort()), Files.createTempDirectory("absent-fields")));
            return new AwsCloudProvider(fake.clientFactory(settings), settings, publisher, duration -> { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static TaskSpec taskSpec() {
        return new TaskSpec(FargateSize.DEFAULT, Architecture.ARM64, "123456789012.dkr.ecr.us-east-1.amazonaws.com/"
                + "mcp-env1:latest", 8080, EmptyAccount.EXECUTION_ROLE_ARN, EmptyAccount.TASK_ROLE_ARN, Map.of("ELEVENLABS_API_KEY",
                API_KEY), "/mcp-portal/mcp-env1/key-set", List.of(), List.of("10.0.0.0/16"), Map.of(),
                "/mcp-portal/mcp-env1");
    }

    /** The provisioned account, with the answers power and teardown steps meet in it. */
    private static void provisioned(AwsFake fake) {
        ProvisionedAccount.on(fake, "spec-hash");
        fake.answer(json("ecs", "ListTasks"), jsonOk("{\"taskArns\":[\"arn:aws:ecs:us-east-1:123456789012:task/"
                + "mcp-env1/t1\"]}"));
        fake.answer(json("ecs", "DescribeTasks"), jsonOk("""
                {"tasks":[{"taskArn":"arn:aws:ecs:us-east-1:123456789012:task/mcp-env1/t1","lastStatus":"RUNNING",\
                "healthStatus":"HEALTHY"}]}"""));
        fake.answer(json("ecs", "UpdateService"), jsonOk("""
                {"service":{"serviceName":"mcp-env1","status":"ACTIVE","desiredCount":0,"runningCount":0,\
                "pendingCount":0}}"""));
        fake.answer(ec2("StopInstances"), ec2Ok("StopInstances",
                Ec2Xml.stateChange(EmptyAccount.NAT_INSTANCE, "stopping", "running")));
        ProvisionedAccount.acceptsDeletes(fake);
        fake.answer(json("ssm", "DescribeParameters"), jsonOk("""
                {"Parameters":[{"Name":"/mcp-portal/mcp-env1/elevenlabs-api-key"},\
                {"Name":"/mcp-portal/mcp-env1/key-set"}]}"""));
        // What the tagging API still lists just after a deprovision: the terminated NAT, the inactive cluster and service.
        fake.answer(json("tagging", "GetResources"), jsonOk("""
                {"ResourceTagMappingList":[{"ResourceARN":"%s"},{"ResourceARN":"%s"},{"ResourceARN":"%s"}]}"""
                .formatted(INSTANCE_ARN, CLUSTER_ARN, SERVICE_ARN)));
    }
}
