package com.mcpportal.portal.cloud.aws;

import java.util.List;
import java.util.Objects;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.TaggedResource;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;

/**
 * What is left of an environment after a deprovision. The Resource Groups Tagging API lists resources by the
 * environment's tag, but keeps listing them a while after they are gone (a terminated instance for about an hour,
 * INACTIVE ECS clusters and services, deleted parameters and log groups …), so each ARN it returns is confirmed
 * with its own service and only what that service still has counts. An ARN of a kind the portal does not create
 * counts as remaining: nothing unconfirmed is called gone.
 */
final class RemainingResources {

    List<TaggedResource> remaining(AwsClients aws, EnvironmentRef env) {
        return remaining(aws, EnvironmentRef.TAG_ENVIRONMENT_ID, env.environmentId());
    }

    /** What still exists of the resources the tag lists (a shared network's: {@code mcp-portal:network-id}). */
    List<TaggedResource> remaining(AwsClients aws, String tagKey, String tagValue) {
        return aws.tagging().getResourcesPaginator(r -> r.resourcesPerPage(100)
                        .tagFilters(f -> f.key(tagKey).values(tagValue)))
                .resourceTagMappingList().stream()
                .map(ResourceTagMapping::resourceARN).filter(Objects::nonNull)
                .filter(arn -> stillExists(aws, arn)).map(TaggedResource::of).toList();
    }

    /** Asks the ARN's own service; "not found" means gone. */
    static boolean stillExists(AwsClients aws, String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return true;
        }
        String resource = parts[5];
        try {
            return switch (parts[2]) {
                case "ec2" -> ec2(aws.ec2(), type(resource), id(resource));
                case "ecs" -> ecs(aws.ecs(), arn, resource);
                case "ecr" -> !aws.ecr().describeRepositories(r -> r.repositoryNames(id(resource))).repositories()
                        .isEmpty();
                case "logs" -> logGroup(aws, resource);
                case "ssm" -> parameter(aws, resource);
                case "servicediscovery" -> cloudMap(aws, type(resource), id(resource));
                case "apigateway" -> apiGateway(aws, resource);
                default -> true;
            };
        } catch (SdkException e) {
            if (AwsErrors.isNotFound(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean ec2(Ec2Client ec2, String type, String id) {
        return switch (type) {
            case "instance" -> ec2.describeInstances(r -> r.instanceIds(id)).reservations().stream()
                    .flatMap(reservation -> reservation.instances().stream())
                    .anyMatch(instance -> !"terminated".equals(stateOf(instance)));
            case "volume" -> ec2.describeVolumes(r -> r.volumeIds(id)).volumes().stream()
                    .anyMatch(volume -> !"deleted".equals(volume.stateAsString()));
            case "network-interface" -> !ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(id))
                    .networkInterfaces().isEmpty();
            case "vpc" -> !ec2.describeVpcs(r -> r.vpcIds(id)).vpcs().isEmpty();
            case "subnet" -> !ec2.describeSubnets(r -> r.subnetIds(id)).subnets().isEmpty();
            case "security-group" -> !ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().isEmpty();
            case "internet-gateway" -> !ec2.describeInternetGateways(r -> r.internetGatewayIds(id))
                    .internetGateways().isEmpty();
            case "route-table" -> !ec2.describeRouteTables(r -> r.routeTableIds(id)).routeTables().isEmpty();
            default -> true;
        };
    }

    private static boolean ecs(EcsClient ecs, String arn, String resource) {
        String[] path = resource.split("/");
        try {
            return switch (path[0]) {
                case "cluster" -> ecs.describeClusters(r -> r.clusters(arn)).clusters().stream()
                        .anyMatch(cluster -> !"INACTIVE".equals(cluster.status()));
                // service/<cluster>/<name>, or the old service/<name> (the portal names its cluster like the service)
                case "service" -> ServiceResources.find(ecs, path[1], path[path.length - 1]).isPresent();
                case "task" -> path.length > 2 && ecs.describeTasks(r -> r.cluster(path[1]).tasks(arn)).tasks()
                        .stream().anyMatch(task -> !"STOPPED".equals(task.lastStatus()));
                case "task-definition" -> {
                    var definition = ecs.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition();
                    yield definition != null && !"DELETE_IN_PROGRESS".equals(definition.statusAsString());
                }
                default -> true;
            };
        } catch (EcsException e) {
            // ECS answers an unknown task definition with a ClientException.
            if (path[0].equals("task-definition") && e.awsErrorDetails() != null
                    && "ClientException".equals(e.awsErrorDetails().errorCode())) {
                return false;
            }
            throw e;
        }
    }

    private static boolean logGroup(AwsClients aws, String resource) {
        // log-group:<name>, sometimes with a trailing :*
        String name = resource.substring("log-group:".length()).replaceFirst(":\\*$", "");
        return aws.logs().describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups().stream()
                .anyMatch(group -> name.equals(group.logGroupName()));
    }

    private static boolean parameter(AwsClients aws, String resource) {
        // parameter/mcp-portal/… names /mcp-portal/…; DescribeParameters needs no read right on the value.
        String name = resource.substring("parameter".length());
        return aws.ssm().describeParameters(r -> r.parameterFilters(f -> f.key("Name").option("Equals").values(name)))
                .parameters().stream().anyMatch(p -> name.equals(p.name()));
    }

    private static boolean cloudMap(AwsClients aws, String type, String id) {
        return switch (type) {
            case "namespace" -> aws.cloudMap().listNamespacesPaginator(r -> r.maxResults(100)).stream()
                    .flatMap(page -> page.namespaces().stream())
                    .anyMatch(namespace -> id.equals(namespace.id()));
            case "service" -> aws.cloudMap().listServicesPaginator(r -> r.maxResults(100)).stream()
                    .flatMap(page -> page.services().stream())
                    .anyMatch(service -> id.equals(service.id()));
            default -> true;
        };
    }

    private static boolean apiGateway(AwsClients aws, String resource) {
        // /apis/<id>[/stages/<name>…] lives as long as its API; /vpclinks/<id> until deleted.
        String[] path = resource.replaceFirst("^/", "").split("/");
        if (path.length < 2) {
            return true;
        }
        switch (path[0]) {
            case "apis" -> aws.apiGateway().getApi(r -> r.apiId(path[1]));
            case "vpclinks" -> aws.apiGateway().getVpcLink(r -> r.vpcLinkId(path[1]));
            default -> {
                return true;
            }
        }
        return true; // found; "not found" is an exception
    }

    private static String stateOf(Instance instance) {
        return instance.state() == null ? null : instance.state().nameAsString();
    }

    /** {@code instance/i-1} is an {@code instance}. */
    private static String type(String resource) {
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }

    /** {@code instance/i-1} is {@code i-1}. */
    private static String id(String resource) {
        return resource.substring(resource.indexOf('/') + 1);
    }
}
