package com.mcpportal.portal.environment.operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.aws.AwsClients;
import com.mcpportal.portal.cloud.aws.AwsCloudProvider;
import com.mcpportal.portal.cloud.aws.emulator.MotoEcrRegistry;
import com.mcpportal.portal.cloud.aws.emulator.MotoServer;
import com.mcpportal.portal.cloud.image.DockerRegistry;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.environment.ImageSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Wall time and AWS calls of each operation of the emulator lifecycle: the portal's AWS adapter on moto, driven
 * through the operations' real step lists (as {@link AwsEmulatorLifecycleIntegrationTests} does), for N
 * environments one after the other. A {@code main}, not a test: nothing runs it during {@code verify}.
 *
 * <p>Environments run the MCP server the portal publishes (the default): the {@code server-image} step logs in with
 * moto's ECR and pushes into Debian's docker-registry on loopback ({@link MotoEcrRegistry}, a small stand-in base),
 * so its time is the publish of the server's own layers (dependencies and application) into a new repository, with
 * no network between; it is also reported apart, with the bytes the registry took.
 *
 * <p>Calls are counted by the portal's own {@code portal.aws.calls} meter ({@code AwsCallMetrics}, an SDK
 * execution interceptor: one per API call after the SDK's retries), read from a registry added to Micrometer's
 * global one. Waits poll every 50 ms (moto's resources are ready at once). The two waits moto can never satisfy
 * (a healthy task, in provisioning's last step and in the start's scale-up) are given one poll round (wait timeout
 * = poll interval: two polls) and reported apart, per poll.
 *
 * <pre>
 * ./mvnw -q -pl portal test-compile
 * ./mvnw -q -pl portal dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp portal/target/test-classes:portal/target/classes:$(cat /tmp/cp.txt) \
 *   com.mcpportal.portal.environment.operation.AwsEmulatorBenchmark 10
 * </pre>
 */
public final class AwsEmulatorBenchmark {

    private static final String REGION = "ap-southeast-2";
    private static final Duration POLL = Duration.ofMillis(50);

    private static final String SERVER_IMAGE = "provision: of which server-image (publish)";

    private final AwsCloudProvider cloud;
    private final ServerImages serverImages;
    private final DockerRegistry registry;
    private final List<Long> pushedBytes = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AccountRoles roles;
    private final Map<String, List<Long>> millis = new LinkedHashMap<>();
    private final Map<String, List<Double>> calls = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> byOperation = new LinkedHashMap<>();

    private AwsEmulatorBenchmark(MotoServer moto, MotoEcrRegistry ecr) {
        // wait timeout = poll interval: one poll round
        this.cloud = moto.provider(moto.settings(POLL), ecr.imageSettings());
        this.serverImages = new ServerImages(ecr.imageSettings());
        this.registry = ecr.registry();
        Metrics.addRegistry(meters);
        // Roles entered on the cloud account (moto has no AWS managed policies for the portal to attach).
        AwsClients aws = moto.clients(REGION);
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        this.roles = new AccountRoles(
                aws.iam().createRole(r -> r.roleName("bench-execution-" + suffix).assumeRolePolicyDocument(trust))
                        .role().arn(),
                aws.iam().createRole(r -> r.roleName("bench-task-" + suffix).assumeRolePolicyDocument(trust))
                        .role().arn());
    }

    public static void main(String[] args) throws Exception {
        int environments = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        MotoServer moto = MotoServer.shared();
        if (!DockerRegistry.installed()) {
            System.err.println("docker-registry not installed (Debian package docker-registry)");
            System.exit(2);
        }
        if (!moto.startIfFound()) {
            System.err.println("moto not found (MOTO_PYTHON, python3 on PATH, ~/.pyenv/versions/*/bin/python3)");
            System.exit(2);
        }
        System.out.println("moto " + MotoServer.interpreter().orElseThrow().motoVersion() + " at " + moto.endpoint());
        MotoEcrRegistry ecr = new MotoEcrRegistry();
        ecr.start();
        try {
            AwsEmulatorBenchmark benchmark = new AwsEmulatorBenchmark(moto, ecr);
            for (int i = 0; i < environments; i++) {
                benchmark.lifecycle(i);
            }
            benchmark.report(environments);
        } finally {
            ecr.stop();
        }
        System.exit(0);
    }

    private void lifecycle(int index) {
        EnvironmentRef env = new EnvironmentRef(CloudTarget.defaultCredentials("bench", REGION),
                "bench" + System.nanoTime() % 10_000_000 + "x" + index, "Bench", "env" + index);
        EnvironmentSpec spec = new EnvironmentSpec(REGION, FargateSize.DEFAULT, Architecture.ARM64,
                ImageSource.PUBLISHED, null, null, NatSpec.defaults(), false, 7, List.of("203.0.113.0/24"));
        CloudResources[] resources = {CloudResources.NONE};
        millis.putIfAbsent("provision", new ArrayList<>()); // the row before its server-image part
        int registryCalls = registry.requests().size();
        measure("provision", () -> run(steps(OperationKind.PROVISION, "service-healthy", false), env, spec, resources,
                null, true));
        pushedBytes.add(registry.requests().subList(registryCalls, registry.requests().size()).stream()
                .map(DockerRegistry.Request::uploadedDigest).filter(digest -> digest != null)
                .mapToLong(digest -> registry.blobSize(resources[0].repository().name(), digest)).sum());
        measure("provision: wait for a healthy task, 2 polls", () -> run(steps(OperationKind.PROVISION,
                "service-healthy", true), env, spec, resources, null, false));
        measure("stop", () -> run(OperationPlans.steps(OperationKind.STOP), env, spec, resources,
                EnvironmentPower.ON, false));
        measure("start", () -> run(steps(OperationKind.START, "scale-up", false), env, spec, resources,
                EnvironmentPower.OFF, false));
        measure("start: scale-up with 2 health polls", () -> run(steps(OperationKind.START, "scale-up", true), env,
                spec, resources, EnvironmentPower.OFF, false));
        EnvironmentSpec changed = new EnvironmentSpec(REGION, new FargateSize(512, 1024), Architecture.ARM64,
                ImageSource.PUBLISHED, null, null, NatSpec.defaults(), false, 14, List.of("198.51.100.0/24"));
        measure("update (provision again, changed settings, published server kept)", () -> run(steps(OperationKind.PROVISION,
                "service-healthy", false), env, changed, resources, EnvironmentPower.ON, false));
        measure("deprovision", () -> run(OperationPlans.steps(OperationKind.DEPROVISION), env, changed, resources,
                EnvironmentPower.ON, false));
    }

    /** The kind's steps without, or only, the named one. */
    private static List<CloudStep> steps(OperationKind kind, String name, boolean only) {
        return OperationPlans.steps(kind).stream().filter(step -> step.name().equals(name) == only).toList();
    }

    private void run(List<CloudStep> steps, EnvironmentRef env, EnvironmentSpec spec, CloudResources[] resources,
            EnvironmentPower power, boolean keyPending) {
        for (CloudStep step : steps) {
            try {
                StepContext context = new StepContext(cloud, env, spec, resources[0], roles, power,
                        () -> keyPending ? "xi-benchmark-key" : null, serverImages);
                if (step.name().equals("server-image") && resources[0].image() == null) {
                    measure(SERVER_IMAGE, () -> resources[0] = step.run(context).resources());
                } else {
                    resources[0] = step.run(context).resources();
                }
            } catch (CloudException e) {
                if (!step.name().equals("service-healthy") && !step.name().equals("scale-up")) {
                    throw e;
                }
            }
        }
    }

    private void measure(String operation, Runnable body) {
        Map<String, Double> before = counts();
        long started = System.nanoTime();
        body.run();
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        Map<String, Double> after = counts();
        Map<String, Double> delta = new TreeMap<>();
        after.forEach((name, count) -> {
            double difference = count - before.getOrDefault(name, 0.0);
            if (difference > 0) {
                delta.put(name, difference);
            }
        });
        millis.computeIfAbsent(operation, k -> new ArrayList<>()).add(elapsed);
        calls.computeIfAbsent(operation, k -> new ArrayList<>())
                .add(delta.values().stream().mapToDouble(Double::doubleValue).sum());
        byOperation.put(operation, delta);
    }

    /** {@code portal.aws.calls} per service:operation, summed over outcomes. */
    private Map<String, Double> counts() {
        Map<String, Double> counts = new TreeMap<>();
        for (Counter counter : meters.find("portal.aws.calls").counters()) {
            counts.merge(counter.getId().getTag("service") + ":" + counter.getId().getTag("operation"),
                    counter.count(), Double::sum);
        }
        return counts;
    }

    private void report(int environments) {
        System.out.printf("%n%d environments, one after the other; poll interval %d ms%n%n", environments,
                POLL.toMillis());
        System.out.println("| operation | wall time, median (min–max) | AWS calls |");
        System.out.println("| --- | ---: | ---: |");
        millis.forEach((operation, times) -> {
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            List<Double> counted = calls.get(operation);
            String callText = counted.stream().distinct().count() == 1 ? fmt(counted.get(0))
                    : fmt(Collections.min(counted)) + "–" + fmt(Collections.max(counted));
            System.out.printf("| %s | %d ms (%d–%d) | %s |%n", operation, sorted.get(sorted.size() / 2),
                    sorted.get(0), sorted.get(sorted.size() - 1), callText);
        });
        System.out.println();
        List<Long> bytes = new ArrayList<>(pushedBytes);
        Collections.sort(bytes);
        System.out.printf("server image pushed per new environment: %,d bytes (median; %,d–%,d)%n",
                bytes.get(bytes.size() / 2), bytes.get(0), bytes.get(bytes.size() - 1));
        byOperation.forEach((operation, delta) -> System.out.println(operation + " (last run): " + delta));
    }

    private static String fmt(double value) {
        return String.valueOf((long) value);
    }
}
