package com.mcpportal.portal.cloud.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The IAM actions of every AWS SDK call written in the portal's AWS code ({@code cloud/aws}, the only package that
 * may use the SDK: ArchitectureTests), found by reading the source: {@code ec2.runInstances(} is {@code ec2:RunInstances}.
 * A name counts only if it is an operation of that variable's SDK client, so {@code logs.ensure(} on a
 * helper named {@code logs} is not mistaken for one.
 */
final class SdkCallsInSource {

    private static final Path MAIN = Path.of("src", "main", "java", "com", "mcpportal", "portal");
    private static final List<Path> SOURCES = List.of(MAIN.resolve("cloud").resolve("aws"));

    private record Client(Class<?> type, String prefix) {
    }

    /** The variable and accessor names the code uses for each client. */
    private static final Map<String, Client> CLIENTS = Map.ofEntries(
            Map.entry("ec2", new Client(Ec2Client.class, "ec2")),
            Map.entry("ecs", new Client(EcsClient.class, "ecs")),
            Map.entry("ecr", new Client(EcrClient.class, "ecr")),
            Map.entry("logs", new Client(CloudWatchLogsClient.class, "logs")),
            Map.entry("ssm", new Client(SsmClient.class, "ssm")),
            Map.entry("apis", new Client(ApiGatewayV2Client.class, "apigateway")),
            Map.entry("apiGateway", new Client(ApiGatewayV2Client.class, "apigateway")),
            Map.entry("cloudMap", new Client(ServiceDiscoveryClient.class, "servicediscovery")),
            Map.entry("iam", new Client(IamClient.class, "iam")),
            Map.entry("tagging", new Client(ResourceGroupsTaggingApiClient.class, "tag")),
            Map.entry("sts", new Client(StsClient.class, "sts")),
            Map.entry("cloudWatch", new Client(CloudWatchClient.class, "cloudwatch")),
            Map.entry("pricing", new Client(PricingClient.class, "pricing")),
            Map.entry("scheduler", new Client(SchedulerClient.class, "scheduler")),
            Map.entry("autoscaling", new Client(ApplicationAutoScalingClient.class, "application-autoscaling")));

    private static final Pattern CALL = Pattern.compile("\\b(" + String.join("|", CLIENTS.keySet())
            + ")(?:\\(\\))?\\s*\\.\\s*([a-z][A-Za-z0-9]*)\\s*\\(");

    private SdkCallsInSource() {
    }

    static Set<String> scan() throws IOException {
        Set<String> actions = new TreeSet<>();
        for (Path folder : SOURCES) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher call = CALL.matcher(Files.readString(file));
                    while (call.find()) {
                        Client client = CLIENTS.get(call.group(1));
                        String method = call.group(2).replaceFirst("Paginator$", "");
                        if (isOperation(client.type(), method)) {
                            actions.add(client.prefix() + ":" + action(client, method));
                        }
                    }
                }
            }
        }
        return actions;
    }

    private static boolean isOperation(Class<?> client, String method) {
        return !Set.of("close", "serviceName", "serviceClientConfiguration", "waiter").contains(method)
                && Arrays.stream(client.getMethods()).anyMatch(m -> m.getName().equals(method));
    }

    // API Gateway's management API is REST: IAM names the HTTP verb, not the operation.
    private static String action(Client client, String method) {
        if (client.prefix().equals("apigateway")) {
            for (Map.Entry<String, String> verb : Map.of("get", "GET", "create", "POST", "update", "PATCH",
                    "delete", "DELETE", "import", "PUT", "reimport", "PUT", "tag", "POST", "untag", "DELETE")
                    .entrySet()) {
                if (method.startsWith(verb.getKey())) {
                    return verb.getValue();
                }
            }
            throw new IllegalArgumentException("no HTTP verb known for API Gateway's " + method);
        }
        return Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }
}
