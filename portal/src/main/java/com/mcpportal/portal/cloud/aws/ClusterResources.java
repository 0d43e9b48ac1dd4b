package com.mcpportal.portal.cloud.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.TaskSpec;

import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/** The environment's ECS cluster and the MCP server's task definition revisions. */
final class ClusterResources {

    static final String CLUSTER = "ecs-cluster";
    static final String TASK_DEFINITION = "task-definition";
    static final String CONTAINER = "mcp-server";
    /** Fingerprint of the spec a revision was registered from: an equal spec reuses the revision. */
    static final String TAG_SPEC_HASH = "mcp-portal:spec-hash";
    static final List<String> CAPACITY_PROVIDERS = List.of("FARGATE", "FARGATE_SPOT");

    String ensureCluster(EcsClient ecs, EnvironmentRef env) {
        String name = env.resourceName();
        Cluster cluster = ecs.describeClusters(r -> r.clusters(name)).clusters().stream()
                .filter(c -> "ACTIVE".equals(c.status())).findFirst().orElse(null);
        if (cluster == null) {
            // Container Insights off: its metrics cost more than this whole environment.
            ecs.createCluster(r -> r.clusterName(name).capacityProviders(CAPACITY_PROVIDERS)
                    .settings(s -> s.name("containerInsights").value("disabled"))
                    .tags(AwsTags.ecs(env, CLUSTER)));
        } else if (!cluster.capacityProviders().containsAll(CAPACITY_PROVIDERS)) {
            ecs.putClusterCapacityProviders(r -> r.cluster(name).capacityProviders(CAPACITY_PROVIDERS)
                    .defaultCapacityProviderStrategy(s -> s.capacityProvider("FARGATE").weight(1)));
        }
        return name;
    }

    TaskDefinitionRef register(EcsClient ecs, EnvironmentRef env, TaskSpec spec) {
        RegisterTaskDefinitionRequest request = request(env, spec);
        String fingerprint = fingerprint(request);
        TaskDefinitionRef latest = latestWithFingerprint(ecs, request.family(), fingerprint);
        if (latest != null) {
            return latest;
        }
        List<Tag> tags = new ArrayList<>(AwsTags.ecs(env, TASK_DEFINITION));
        tags.add(Tag.builder().key(TAG_SPEC_HASH).value(fingerprint).build());
        TaskDefinition registered = AwsAnswers.required(ecs.registerTaskDefinition(request.toBuilder().tags(tags)
                .build()).taskDefinition(), "ecs", "the registered task definition");
        return ref(registered);
    }

    void delete(EcsClient ecs, EnvironmentRef env) {
        String family = env.resourceName();
        for (String arn : revisions(ecs, family, TaskDefinitionStatus.ACTIVE)) {
            AwsErrors.ignoringNotFound(() -> ecs.deregisterTaskDefinition(r -> r.taskDefinition(arn)));
        }
        // Deregistered revisions linger (and keep their tags) until deleted.
        List<String> inactive = revisions(ecs, family, TaskDefinitionStatus.INACTIVE);
        for (int from = 0; from < inactive.size(); from += 10) {
            List<String> batch = inactive.subList(from, Math.min(inactive.size(), from + 10));
            ecs.deleteTaskDefinitions(r -> r.taskDefinitions(batch));
        }
        AwsErrors.ignoringNotFound(() -> ecs.deleteCluster(r -> r.cluster(env.resourceName())));
    }

    static RegisterTaskDefinitionRequest request(EnvironmentRef env, TaskSpec spec) {
        Map<String, String> variables = new TreeMap<>(spec.environment());
        variables.put("PORT", String.valueOf(spec.containerPort()));
        variables.put("AWS_REGION", env.target().region());
        // Keys scoped to environments are accepted only by a server that knows which environment it is.
        variables.put("MCP_SERVER_ENVIRONMENT_ID", env.environmentId());
        if (spec.keySetParameterName() != null) {
            variables.put("MCP_SERVER_KEYS_SSM_PARAMETER", spec.keySetParameterName());
        }
        if (!spec.allowedCidrs().isEmpty()) {
            variables.put("MCP_SERVER_ALLOWED_CIDRS", String.join(",", spec.allowedCidrs()));
        }
        if (!spec.trustedProxyCidrs().isEmpty()) {
            variables.put("MCP_SERVER_TRUSTED_PROXIES", String.join(",", spec.trustedProxyCidrs()));
        }
        ContainerDefinition container = ContainerDefinition.builder()
                .name(CONTAINER).image(spec.image()).essential(true)
                .portMappings(p -> p.containerPort(spec.containerPort()).protocol("tcp"))
                .environment(variables.entrySet().stream()
                        .map(v -> KeyValuePair.builder().name(v.getKey()).value(v.getValue()).build()).toList())
                .secrets(new TreeMap<>(spec.secrets()).entrySet().stream()
                        .map(s -> Secret.builder().name(s.getKey()).valueFrom(
                                s.getValue().arn() != null ? s.getValue().arn() : s.getValue().name()).build())
                        .toList())
                .logConfiguration(l -> l.logDriver("awslogs").options(new TreeMap<>(Map.of(
                        "awslogs-group", spec.logGroupName(), "awslogs-region", env.target().region(),
                        "awslogs-stream-prefix", CONTAINER))))
                .healthCheck(h -> h.command("CMD-SHELL", healthCheckCommand(spec.containerPort()))
                        .interval(30).timeout(5).retries(3).startPeriod(30))
                .build();
        return RegisterTaskDefinitionRequest.builder()
                .family(env.resourceName())
                .networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu(String.valueOf(spec.size().cpu()))
                .memory(String.valueOf(spec.size().memoryMiB()))
                .runtimePlatform(p -> p.cpuArchitecture(spec.architecture().ecsName()).operatingSystemFamily("LINUX"))
                .executionRoleArn(spec.executionRoleArn())
                .taskRoleArn(spec.taskRoleArn())
                .containerDefinitions(container)
                .build();
    }

    private static TaskDefinitionRef latestWithFingerprint(EcsClient ecs, String family, String fingerprint) {
        DescribeTaskDefinitionResponse latest;
        try {
            latest = ecs.describeTaskDefinition(r -> r.taskDefinition(family).includeWithStrings("TAGS"));
        } catch (EcsException e) {
            if ("ClientException".equals(e.awsErrorDetails().errorCode())) {
                return null; // ECS's answer for a family with no active revision
            }
            throw e;
        }
        boolean same = latest.tags().stream()
                .anyMatch(t -> TAG_SPEC_HASH.equals(t.key()) && fingerprint.equals(t.value()));
        // Without the revision in the answer there is nothing to reuse: registering again is harmless.
        TaskDefinition definition = latest.taskDefinition();
        return same && definition != null && definition.revision() != null && definition.taskDefinitionArn() != null
                ? ref(definition) : null;
    }

    private static TaskDefinitionRef ref(TaskDefinition definition) {
        return new TaskDefinitionRef(AwsAnswers.required(definition.taskDefinitionArn(), "ecs",
                "the task definition's ARN"), definition.family(), AwsAnswers.required(definition.revision(), "ecs",
                "the task definition's revision"));
    }

    private static List<String> revisions(EcsClient ecs, String family, TaskDefinitionStatus status) {
        // familyPrefix matches mcp-1 and mcp-10 alike: keep this family's ARNs only.
        return ecs.listTaskDefinitionsPaginator(r -> r.familyPrefix(family).status(status)).taskDefinitionArns()
                .stream().filter(arn -> arn.matches(".*:task-definition/" + java.util.regex.Pattern.quote(family)
                        + ":\\d+")).toList();
    }

    // Every collection above is sorted, so equal specs print, and hash, the same in every JVM.
    private static String fingerprint(RegisterTaskDefinitionRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(request.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The container health check: bash's /dev/tcp, as in deploy/mcp-server.Dockerfile, because the JRE image
     * has no curl and a second JVM every 30 s would be too heavy for a 0.25 vCPU task.
     */
    static String healthCheckCommand(int port) {
        return "bash -c 'exec 3<>/dev/tcp/127.0.0.1/" + port
                + " && printf \"GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n\" >&3"
                + " && head -n 1 <&3 | grep -q \" 200 \"' || exit 1";
    }
}
