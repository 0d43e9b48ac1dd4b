package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ACCOUNT;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.REGION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.aws.IamPolicy.Request;
import com.mcpportal.portal.cloud.aws.fake.AwsCall;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;
import com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount;

import tools.jackson.databind.JsonNode;

/**
 * The requests IAM authorizes for the calls the AWS fake recorded, with the resources and condition keys the
 * Service Authorization Reference gives them: for the calls whose statements carry resource tags, request tags,
 * the permissions boundary, the instance type or the AMI owner. A resource the adapter acts on carries the tags
 * the portal created it with (the fixtures' ids, tagged as {@link EnvironmentRef#tags} says); a role carries the
 * boundary it was created or bounded with in the run, else the boundary the fixtures' roles have.
 */
final class IamRequestsOfCalls {

    /** The actions turned into requests; the others are checked by action only. */
    static final Set<String> COVERED = Set.of("iam:GetRole", "iam:CreateRole", "iam:TagRole", "iam:PutRolePolicy",
            "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PassRole", "ec2:CreateVpc",
            "ec2:CreateSubnet", "ec2:CreateInternetGateway", "ec2:CreateRouteTable", "ec2:CreateSecurityGroup",
            "ec2:CreateTags", "ec2:RunInstances", "ecs:RegisterTaskDefinition", "ecs:TagResource", "apigateway:GET",
            "apigateway:POST", "apigateway:PATCH", "apigateway:DELETE", "servicediscovery:CreatePrivateDnsNamespace",
            "servicediscovery:CreateService", "servicediscovery:TagResource", "servicediscovery:DeleteService",
            "servicediscovery:DeleteNamespace");

    private static final Set<String> AMAZONS_IMAGES = Set.of(EmptyAccount.AMI, NatReplacementAccount.NEWER_AMI);

    private static final Set<String> EC2_CREATES = Set.of("CreateVpc", "CreateSubnet", "CreateInternetGateway",
            "CreateRouteTable", "CreateSecurityGroup");

    private final EnvironmentRef env;
    private final Map<String, String> componentOf = new HashMap<>();
    private final Map<String, String> boundaryOf = new HashMap<>();

    IamRequestsOfCalls(EnvironmentRef env) {
        this.env = env;
        componentOf.putAll(Map.of(EmptyAccount.VPC, NetworkResources.VPC,
                EmptyAccount.PUBLIC_SUBNET, NetworkResources.PUBLIC_SUBNET,
                EmptyAccount.PRIVATE_SUBNET, NetworkResources.PRIVATE_SUBNET,
                EmptyAccount.NAT_GROUP, SecurityGroups.NAT, EmptyAccount.SERVICE_GROUP, SecurityGroups.SERVICE,
                EmptyAccount.API, IngressResources.API, EmptyAccount.VPC_LINK, IngressResources.VPC_LINK,
                EmptyAccount.NAMESPACE, DiscoveryResources.NAMESPACE, "srv-0env", DiscoveryResources.SERVICE));
        boundaryOf.put(EmptyAccount.EXECUTION_ROLE_ARN, EmptyAccount.BOUNDARY_ARN);
        boundaryOf.put(EmptyAccount.TASK_ROLE_ARN, EmptyAccount.BOUNDARY_ARN);
    }

    List<Request> of(List<AwsCall> calls) {
        List<Request> requests = new ArrayList<>();
        for (AwsCall call : calls) {
            String action = call.iamAction();
            if (action.startsWith("iam:")) {
                requests.addAll(iam(call));
            } else if (action.startsWith("ec2:") && (EC2_CREATES.contains(call.action())
                    || call.action().equals("RunInstances"))) {
                requests.addAll(ec2(call));
            } else if (action.equals("ecs:RegisterTaskDefinition")) {
                requests.addAll(taskDefinition(call.json()));
            } else if (action.startsWith("apigateway:")) {
                requests.add(apiGateway(call));
            } else if (action.startsWith("servicediscovery:") && COVERED.contains(action)) {
                requests.addAll(cloudMap(call));
            }
        }
        return requests;
    }

    private List<Request> iam(AwsCall call) {
        String role = "arn:aws:iam::" + ACCOUNT + ":role" + call.form().getOrDefault("Path", "/mcp-portal/")
                + call.param("RoleName");
        Request request = request(call.iamAction(), role);
        switch (call.action()) {
            case "CreateRole" -> {
                boundaryOf.put(role, call.param("PermissionsBoundary"));
                Map<String, String> tags = members(call.form(), "Tags.member.");
                return List.of(bounded(request, role).withRequestTags(tags),
                        request("iam:TagRole", role).withRequestTags(tags));
            }
            case "PutRolePermissionsBoundary" -> {
                boundaryOf.put(role, call.param("PermissionsBoundary"));
                return List.of(bounded(request, role));
            }
            case "AttachRolePolicy" -> {
                return List.of(bounded(request, role).with("iam:PolicyARN", call.param("PolicyArn")));
            }
            default -> {
                return List.of(bounded(request, role));
            }
        }
    }

    private Request bounded(Request request, String role) {
        String boundary = boundaryOf.get(role);
        return boundary == null ? request : request.with("iam:PermissionsBoundary", boundary);
    }

    private List<Request> ec2(AwsCall call) {
        Map<String, String> form = call.form();
        String action = call.iamAction();
        List<Request> requests = new ArrayList<>();
        for (int n = 1; form.containsKey("TagSpecification." + n + ".ResourceType"); n++) {
            String type = form.get("TagSpecification." + n + ".ResourceType");
            Map<String, String> tags = members(form, "TagSpecification." + n + ".Tag.");
            Request created = request(action, ec2Arn(type, "new")).withRequestTags(tags);
            requests.add(type.equals("instance") ? created.with("ec2:InstanceType", form.get("InstanceType"))
                    : created);
            requests.add(request("ec2:CreateTags", ec2Arn(type, "new")).with("ec2:CreateAction", call.action())
                    .withRequestTags(tags));
        }
        if (call.action().equals("RunInstances")) {
            // The NAT step and its replacement read the image id from Amazon's public SSM parameter: Amazon owns it.
            requests.add(request(action, "arn:aws:ec2:" + REGION + "::image/" + form.get("ImageId"))
                    .with("ec2:Owner", AMAZONS_IMAGES.contains(form.get("ImageId")) ? "amazon" : "unknown"));
            requests.add(existing(action, "subnet", form.get("NetworkInterface.1.SubnetId")));
            requests.add(existing(action, "security-group", form.get("NetworkInterface.1.SecurityGroupId.1")));
            if ("spot".equals(form.get("InstanceMarketOptions.MarketType"))) {
                requests.add(request(action, ec2Arn("spot-instances-request", "new")));
            }
        } else if (form.containsKey("VpcId")) {
            requests.add(existing(action, "vpc", form.get("VpcId")));
        }
        return requests;
    }

    private Request existing(String action, String type, String id) {
        return request(action, ec2Arn(type, id)).withResourceTags(tagsOf(id));
    }

    private List<Request> taskDefinition(JsonNode body) {
        Map<String, String> tags = new LinkedHashMap<>();
        body.path("tags").forEach(tag -> tags.put(tag.get("key").asString(), tag.get("value").asString()));
        String arn = "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":task-definition/" + body.get("family").asString()
                + ":1";
        List<Request> requests = new ArrayList<>(List.of(
                request("ecs:RegisterTaskDefinition", arn).withRequestTags(tags),
                request("ecs:TagResource", arn).with("ecs:CreateAction", "RegisterTaskDefinition")
                        .withRequestTags(tags)));
        for (String role : List.of("executionRoleArn", "taskRoleArn")) {
            requests.add(request("iam:PassRole", body.get(role).asString())
                    .with("iam:PassedToService", "ecs-tasks.amazonaws.com"));
        }
        return requests;
    }

    private Request apiGateway(AwsCall call) {
        String path = call.path().replaceFirst("^/v2", "");
        Request request = request(call.iamAction(), "arn:aws:apigateway:" + REGION + "::" + path);
        if (call.method().equals("POST") && !call.body().isBlank() && call.json().has("tags")) {
            Map<String, String> tags = new LinkedHashMap<>();
            call.json().get("tags").properties().forEach(t -> tags.put(t.getKey(), t.getValue().asString()));
            return request.withRequestTags(tags);
        }
        if (call.method().equals("PATCH") || call.method().equals("DELETE")) {
            return request.withResourceTags(tagsOf(path.split("/")[2]));
        }
        return request;
    }

    private List<Request> cloudMap(AwsCall call) {
        JsonNode body = call.json();
        Map<String, String> tags = new LinkedHashMap<>();
        body.path("Tags").forEach(tag -> tags.put(tag.get("Key").asString(), tag.get("Value").asString()));
        String prefix = "arn:aws:servicediscovery:" + REGION + ":" + ACCOUNT + ":";
        Request tagging = request("servicediscovery:TagResource", "*").withRequestTags(tags);
        return switch (call.action()) {
            case "CreatePrivateDnsNamespace" -> List.of(request(call.iamAction(), "*").withRequestTags(tags), tagging);
            case "CreateService" -> List.of(
                    request(call.iamAction(), prefix + "namespace/" + body.get("NamespaceId").asString())
                            .withRequestTags(tags),
                    request(call.iamAction(), prefix + "service/new").withRequestTags(tags), tagging);
            case "DeleteService" -> List.of(request(call.iamAction(), prefix + "service/" + body.get("Id").asString())
                    .withResourceTags(tagsOf(body.get("Id").asString())));
            default -> List.of(request(call.iamAction(), prefix + "namespace/" + body.get("Id").asString())
                    .withResourceTags(tagsOf(body.get("Id").asString())));
        };
    }

    private Map<String, String> tagsOf(String id) {
        String component = componentOf.get(id);
        return component == null ? Map.of() : env.tags(component);
    }

    private static String ec2Arn(String type, String id) {
        return "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":" + type + "/" + id;
    }

    private static Request request(String action, String resource) {
        return PortalIamPolicyScopeTests.request(action, resource);
    }

    /** {@code prefix1.Key}/{@code prefix1.Value}, {@code prefix2.Key} … of a Query-protocol call. */
    private static Map<String, String> members(Map<String, String> form, String prefix) {
        Map<String, String> members = new LinkedHashMap<>();
        for (int n = 1; form.containsKey(prefix + n + ".Key"); n++) {
            members.put(form.get(prefix + n + ".Key"), form.get(prefix + n + ".Value"));
        }
        return members;
    }
}
