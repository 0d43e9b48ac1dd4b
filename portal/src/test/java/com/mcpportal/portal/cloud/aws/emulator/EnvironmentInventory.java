package com.mcpportal.portal.cloud.aws.emulator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.aws.AwsClients;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * What of an environment is alive in the (emulated) account, read with the SDK the way an operator would look: by
 * the environment's tag, or by the names the portal gives (ECR, logs, SSM, ECS, Cloud Map). Counts per kind, so a
 * test can say "one of each" after provisioning and "nothing" after deprovisioning.
 */
public final class EnvironmentInventory {

    private EnvironmentInventory() {
    }

    /** Live resources of the environment per kind; kinds with none are listed with 0. */
    public static Map<String, Integer> of(AwsClients aws, EnvironmentRef env) {
        String name = env.resourceName();
        List<Filter> tagged = List.of(Filter.builder().name("tag:" + EnvironmentRef.TAG_ENVIRONMENT_ID)
                .values(env.environmentId()).build());
        Map<String, Integer> counts = new TreeMap<>();
        counts.put("vpc", aws.ec2().describeVpcs(r -> r.filters(tagged)).vpcs().size());
        counts.put("subnet", aws.ec2().describeSubnets(r -> r.filters(tagged)).subnets().size());
        counts.put("internet-gateway", aws.ec2().describeInternetGateways(r -> r.filters(tagged))
                .internetGateways().size());
        counts.put("route-table", aws.ec2().describeRouteTables(r -> r.filters(tagged)).routeTables().size());
        counts.put("security-group", aws.ec2().describeSecurityGroups(r -> r.filters(tagged)).securityGroups()
                .size());
        counts.put("nat-instance", (int) aws.ec2().describeInstances(r -> r.filters(tagged)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream())
                .filter(instance -> !List.of("terminated", "shutting-down").contains(instance.state().nameAsString()))
                .count());
        counts.put("ecr-repository", orZero(() -> aws.ecr().describeRepositories(r -> r.repositoryNames(name))
                .repositories().size()));
        counts.put("log-group", (int) aws.logs().describeLogGroups(r -> r.logGroupNamePrefix("/mcp-portal/" + name))
                .logGroups().stream().filter(g -> g.logGroupName().equals("/mcp-portal/" + name)).count());
        counts.put("ssm-parameter", aws.ssm().describeParameters(r -> r.parameterFilters(f -> f.key("Path")
                .option("Recursive").values("/mcp-portal/" + name))).parameters().size());
        counts.put("ecs-cluster", (int) aws.ecs().describeClusters(r -> r.clusters(name)).clusters().stream()
                .filter(c -> "ACTIVE".equals(c.status())).count());
        counts.put("ecs-task-definition", (int) aws.ecs().listTaskDefinitions(r -> r.familyPrefix(name)
                .status("ACTIVE")).taskDefinitionArns().stream().filter(arn -> arn.contains("/" + name + ":")).count());
        counts.put("ecs-service", orZero(() -> (int) aws.ecs().describeServices(r -> r.cluster(name).services(name))
                .services().stream().filter(s -> !"INACTIVE".equals(s.status())).count()));
        List<String> namespaces = aws.cloudMap().listNamespaces().namespaces().stream()
                .filter(n -> n.name().equals(name + ".internal")).map(n -> n.id()).toList();
        counts.put("cloud-map-namespace", namespaces.size());
        counts.put("cloud-map-service", (int) aws.cloudMap().listServices().services().stream()
                .filter(s -> namespaces.contains(namespaceOf(aws, s.id()))).count());
        counts.put("vpc-link", (int) aws.apiGateway().getVpcLinks(r -> r.maxResults("100")).items().stream()
                .filter(l -> env.environmentId().equals(l.tags().get(EnvironmentRef.TAG_ENVIRONMENT_ID))).count());
        counts.put("http-api", (int) aws.apiGateway().getApis(r -> r.maxResults("100")).items().stream()
                .filter(a -> env.environmentId().equals(a.tags().get(EnvironmentRef.TAG_ENVIRONMENT_ID))).count());
        return counts;
    }

    /** One of each, as a provisioned environment has them (two subnets, route tables, groups and parameters). */
    public static Map<String, Integer> provisioned() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String kind : List.of("vpc", "internet-gateway", "nat-instance", "ecr-repository", "log-group",
                "ecs-cluster", "ecs-task-definition", "ecs-service", "cloud-map-namespace", "cloud-map-service",
                "vpc-link", "http-api")) {
            counts.put(kind, 1);
        }
        for (String kind : List.of("subnet", "route-table", "security-group", "ssm-parameter")) {
            counts.put(kind, 2);
        }
        return counts;
    }

    /** Nothing alive, as after a deprovision. */
    public static Map<String, Integer> nothing() {
        Map<String, Integer> counts = new TreeMap<>(provisioned());
        counts.replaceAll((kind, count) -> 0);
        return counts;
    }

    private static String namespaceOf(AwsClients aws, String serviceId) {
        return aws.cloudMap().getService(r -> r.id(serviceId)).service().namespaceId();
    }

    private static int orZero(Supplier<Integer> count) {
        try {
            return count.get();
        } catch (AwsServiceException notFound) {
            return 0;
        }
    }
}
