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
import com.mcpportal.portal.cloud.aws.emulator.MotoServer;
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

    private final AwsCloudProvider cloud;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AccountRoles roles;
    private final Map<String, List<Long>> millis = new LinkedHashMap<>();
    private final Map<String, List<Double>> calls = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> byOperation = new LinkedHashMap<>();

    private AwsEmulatorBenchmark(MotoServer moto) {
        this.cloud = moto.provider(moto.settings(POLL)); // wait timeout = poll interval: one poll round
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

    public static void main(String[] args) {
        int environments = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        MotoServer moto = MotoServer.shared();
        if (!moto.startIfFound()) {
            System.err.println("moto not found (MOTO_PYTHON, python3 on PATH, ~/.pyenv/versions/*/bin/python3)");
            System.exit(2);
        }
        System.out.println("moto " + MotoServer.interpreter().orElseThrow().motoVersion() + " at " + moto.endpoint());
        AwsEmulatorBenchmark benchmark = new AwsEmulatorBenchmark(moto);
        for (int i = 0; i < environments; i++) {
            benchmark.lifecycle(i);
        }
        benchmark.report(environments);
        System.exit(0);
    }

    private void lifecycle(int index) {
        EnvironmentRef env = new EnvironmentRef(CloudTarget.defaultCredentials("bench", REGION),
                "bench" + System.nanoTime() % 10_000_000 + "x" + index, "Bench", "env" + index);
        EnvironmentSpec spec = new EnvironmentSpec(REGION, FargateSize.DEFAULT, Architecture.ARM64,
                ImageSource.REPOSITORY, "latest", null, NatSpec.defaults(), false, 7, List.of("203.0.113.0/24"));
        CloudResources[] resources = {CloudResources.NONE};
        measure("provision", () -> run(steps(OperationKind.PROVISION, "service-healthy", false), env, spec, resources,
                null, true));
        measure("provision: wait for a healthy task, 2 polls", () -> run(steps(OperationKind.PROVISION,
                "service-healthy", true), env, spec, resources, null, false));
        measure("stop", () -> run(OperationPlans.steps(OperationKind.STOP), env, spec, resources,
                EnvironmentPower.ON, false));
        measure("start", () -> run(steps(OperationKind.START, "scale-up", false), env, spec, resources,
                EnvironmentPower.OFF, false));
        measure("start: scale-up with 2 health polls", () -> run(steps(OperationKind.START, "scale-up", true), env,
                spec, resources, EnvironmentPower.OFF, false));
        EnvironmentSpec changed = new EnvironmentSpec(REGION, new FargateSize(512, 1024), Architecture.ARM64,
                ImageSource.REPOSITORY, "v2", null, NatSpec.defaults(), false, 14, List.of("198.51.100.0/24"));
        measure("update (provision again, changed settings)", () -> run(steps(OperationKind.PROVISION,
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
                resources[0] = step.run(new StepContext(cloud, env, spec, resources[0], roles, power,
                        () -> keyPending ? "xi-benchmark-key" : null, null)).resources();
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
        byOperation.forEach((operation, delta) -> System.out.println(operation + " (last run): " + delta));
    }

    private static String fmt(double value) {
        return String.valueOf((long) value);
    }
}
