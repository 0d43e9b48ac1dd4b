package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.SharedNetworkRef;
import com.mcpportal.portal.cloud.aws.IamPolicy.Decision;
import com.mcpportal.portal.cloud.aws.IamPolicy.Request;
import com.mcpportal.portal.cloud.aws.IamPolicy.Statement;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.environment.EnvironmentSpec;

/**
 * No statement of the portal's policies ({@code deploy/iam/portal-policy-*.json}) is broader than its purpose: what an attacker holding the
 * portal's credentials would try is denied, and each statement carries the conditions its purpose needs. The
 * condition keys used are the ones the Service Authorization Reference lists for each action or resource type
 * (the table in {@code deploy/README.md}). {@link PortalIamPolicyTests} checks that the portal's own calls stay
 * allowed.
 */
class PortalIamPolicyScopeTests {

    static final String ACCOUNT = AwsFake.ACCOUNT;
    static final String BOUNDARY_POLICY = "policy/mcp-portal/mcp-portal-task-boundary";
    static final String BOUNDARY = "arn:aws:iam::" + ACCOUNT + ":" + BOUNDARY_POLICY;
    static final String TASK_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/mcp-portal/mcp-portal-task";
    static final String EXECUTION_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/mcp-portal/mcp-portal-task-execution";
    static final Path BOUNDARY_FILE = Path.of("..", "deploy", "iam", "task-role-boundary.json");
    static final String ENV_TAG = EnvironmentRef.TAG_ENVIRONMENT_ID;
    static final String NETWORK_TAG = SharedNetworkRef.TAG_NETWORK_ID;
    private static final String ECS_EXECUTION_POLICY =
            "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
    private static final String REGION = "arn:aws:ec2:us-east-1:";

    /**
     * Write actions a statement may allow on every resource without a condition, with the reason (Service
     * Authorization Reference: the action has no resource types, so the policy must say {@code "*"}).
     */
    static final Map<String, String> UNSCOPABLE_WRITES = Map.of(
            "ecs:DeregisterTaskDefinition", "no resource types and no condition keys",
            "route53:CreateHostedZone", "no resource types; its one key, route53:VPCs, would name VPC ids only "
                    + "known at run time (Cloud Map creates the zone for the namespace)");

    /** What each resource type of ec2:RunInstances must be conditioned on (condition keys of that resource type). */
    static final Map<String, List<String>> RUN_INSTANCES_KEYS = Map.of(
            "image", List.of("ec2:Owner"),
            "instance", List.of("ec2:InstanceType", "aws:RequestTag/" + ENV_TAG),
            "volume", List.of("aws:RequestTag/" + ENV_TAG),
            "network-interface", List.of("aws:RequestTag/" + ENV_TAG),
            "subnet", List.of("aws:ResourceTag/" + ENV_TAG),
            "security-group", List.of("aws:ResourceTag/" + ENV_TAG),
            "spot-instances-request", List.of());

    /** The scheduler role that runs the schedules kept in EventBridge Scheduler, inside a boundary of its own. */
    static final String SCHEDULER_ROLE = "arn:aws:iam::*:role/mcp-portal/mcp-portal-scheduler";
    static final String SCHEDULER_BOUNDARY_POLICY = "policy/mcp-portal/mcp-portal-scheduler-boundary";

    @Test
    void iamWritesRequireTheBoundaryThePolicyShipsAndOnlyOnTheTwoTaskRoles() throws IOException {
        assertThat(BOUNDARY_FILE).as("the permissions boundary is shipped beside the policy").exists();
        assertThat(Path.of("..", "deploy", "iam", "scheduler-role-boundary.json")).exists();
        for (String action : List.of("iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy",
                "iam:PutRolePermissionsBoundary")) {
            assertThat(policy().allowing(action)).as(action + " is allowed").isNotEmpty().allSatisfy(statement -> {
                boolean scheduler = statement.resources().equals(List.of(SCHEDULER_ROLE));
                assertThat(statement.conditionValues("iam:PermissionsBoundary")).as(statement.sid()
                        + ": " + action + " only with the shipped boundary")
                        .containsExactly("arn:aws:iam::${aws:PrincipalAccount}:"
                                + (scheduler ? SCHEDULER_BOUNDARY_POLICY : BOUNDARY_POLICY));
                assertThat(statement.resources()).as(statement.sid() + ": only the task roles or the scheduler role")
                        .isSubsetOf(scheduler ? List.of(SCHEDULER_ROLE) : roleArns("*"));
            });
        }
    }

    @Test
    void theBoundaryCannotBeRemovedOrSwappedForAnother() throws IOException {
        for (String role : List.of(TASK_ROLE, EXECUTION_ROLE)) {
            assertThat(policy().decide(request("iam:DeleteRolePermissionsBoundary", role).with(
                    "iam:PermissionsBoundary", BOUNDARY))).isEqualTo(Decision.EXPLICITLY_DENIED);
            assertThat(policy().decide(request("iam:PutRolePermissionsBoundary", role).with(
                    "iam:PermissionsBoundary", "arn:aws:iam::aws:policy/AdministratorAccess")))
                    .isEqualTo(Decision.EXPLICITLY_DENIED);
            assertThat(policy().decide(request("iam:PutRolePermissionsBoundary", role).with(
                    "iam:PermissionsBoundary", BOUNDARY))).isEqualTo(Decision.ALLOWED);
        }
    }

    @Test
    void passRoleOnlyHandsTheTaskRolesToEcsTasksAndTheSchedulerRoleToEventBridgeScheduler() throws IOException {
        assertThat(policy().allowing("iam:PassRole")).hasSize(2).allSatisfy(statement -> {
            boolean scheduler = statement.resources().equals(List.of(SCHEDULER_ROLE));
            assertThat(statement.conditionValues("iam:PassedToService")).as(statement.sid())
                    .containsExactly(scheduler ? "scheduler.amazonaws.com" : "ecs-tasks.amazonaws.com");
            assertThat(statement.resources()).as(statement.sid()).isSubsetOf(scheduler ? List.of(SCHEDULER_ROLE)
                    : roleArns("*"));
        });
    }

    @Test
    void noWriteActionIsAllowedOnEveryResourceWithoutACondition() throws IOException {
        List<String> broad = new ArrayList<>();
        for (Statement statement : policy().statements()) {
            boolean everyResource = statement.resources().stream().anyMatch(PortalIamPolicyScopeTests::everyResource);
            if (statement.allow() && everyResource && statement.conditions().isEmpty()) {
                statement.actions().stream().filter(a -> !readOnly(a) && !UNSCOPABLE_WRITES.containsKey(a))
                        .forEach(a -> broad.add(statement.sid() + ": " + a));
            }
        }
        assertThat(broad).as("write actions allowed on every resource without a condition").isEmpty();
    }

    @Test
    void runInstancesIsConditionedOnEachResourceTypeItUses() throws IOException {
        List<Statement> statements = policy().allowing("ec2:RunInstances");
        assertThat(statements).isNotEmpty();
        Set<String> covered = new java.util.TreeSet<>();
        for (Statement statement : statements) {
            for (String resource : statement.resources()) {
                String type = ec2ResourceType(resource);
                assertThat(RUN_INSTANCES_KEYS).as(statement.sid() + ": " + resource + " names one resource type")
                        .containsKey(type);
                covered.add(type);
                // A shared network's NAT instance carries the network's tag where an environment's carries its own.
                RUN_INSTANCES_KEYS.get(type).forEach(key -> assertThat(statement.hasConditionOn(key)
                                || statement.hasConditionOn(key.replace(ENV_TAG, NETWORK_TAG)))
                        .as(statement.sid() + ": ec2:RunInstances on " + type + " needs a condition on " + key)
                        .isTrue());
                if (type.equals("image")) {
                    assertThat(statement.conditionValues("ec2:Owner")).as(statement.sid()).containsExactly("amazon");
                }
                if (type.equals("instance")) {
                    assertThat(statement.conditionValues("ec2:InstanceType")).as(statement.sid()
                            + ": the NAT instance types the environment form offers")
                            .containsExactlyInAnyOrderElementsOf(EnvironmentSpec.natInstanceTypes());
                }
            }
        }
        assertThat(covered).containsAll(List.of("image", "instance", "volume", "network-interface", "subnet",
                "security-group"));
    }

    @Test
    void apiGatewayChangesAndDeletesAndCloudMapDeletesNeedTheEnvironmentTag() throws IOException {
        for (String action : List.of("apigateway:PATCH", "apigateway:DELETE", "servicediscovery:DeleteNamespace",
                "servicediscovery:DeleteService")) {
            assertThat(policy().allowing(action)).as(action + " is allowed").isNotEmpty()
                    .allSatisfy(statement -> assertThat(statement.hasConditionOn("aws:ResourceTag/" + ENV_TAG))
                            .as(statement.sid() + ": " + action + " only on the environment's resources").isTrue());
        }
    }

    /** What someone holding the portal's credentials would try, each denied. */
    @Test
    void whatAnAttackerWithThePortalsCredentialsTriesIsDenied() throws IOException {
        String api = "arn:aws:apigateway:us-east-1::/apis/other";
        Map<String, Request> attacks = new java.util.LinkedHashMap<>();
        attacks.put("a task role without a boundary", request("iam:CreateRole", TASK_ROLE));
        attacks.put("a task role with another boundary", request("iam:CreateRole", TASK_ROLE)
                .with("iam:PermissionsBoundary", "arn:aws:iam::aws:policy/AdministratorAccess"));
        attacks.put("a third role under the task roles' names", request("iam:CreateRole", TASK_ROLE + "-admin")
                .with("iam:PermissionsBoundary", BOUNDARY));
        attacks.put("widen a task role that has no boundary", request("iam:PutRolePolicy", TASK_ROLE));
        attacks.put("attach AdministratorAccess", request("iam:AttachRolePolicy", EXECUTION_ROLE)
                .with("iam:PermissionsBoundary", BOUNDARY)
                .with("iam:PolicyARN", "arn:aws:iam::aws:policy/AdministratorAccess"));
        attacks.put("remove the boundary", request("iam:DeleteRolePermissionsBoundary", TASK_ROLE)
                .with("iam:PermissionsBoundary", BOUNDARY));
        attacks.put("pass a task role to Lambda", request("iam:PassRole", TASK_ROLE)
                .with("iam:PassedToService", "lambda.amazonaws.com"));
        attacks.put("pass another role to ECS", request("iam:PassRole", "arn:aws:iam::" + ACCOUNT
                + ":role/mcp-portal/mcp-portal-task-admin").with("iam:PassedToService", "ecs-tasks.amazonaws.com"));
        attacks.put("run a community AMI", request("ec2:RunInstances", "arn:aws:ec2:us-east-1::image/ami-0evil")
                .with("ec2:Owner", "999999999999"));
        attacks.put("run a p5.48xlarge", request("ec2:RunInstances", REGION + ACCOUNT + ":instance/*")
                .with("ec2:InstanceType", "p5.48xlarge").withRequestTags(Map.of(ENV_TAG, "e1")));
        attacks.put("run into a subnet the portal did not tag", request("ec2:RunInstances",
                REGION + ACCOUNT + ":subnet/subnet-0other"));
        attacks.put("delete someone's API", request("apigateway:DELETE", api));
        attacks.put("change someone's route", request("apigateway:PATCH", api + "/routes/r1"));
        attacks.put("point someone's integration elsewhere", request("apigateway:PATCH", api + "/integrations/i1"));
        attacks.put("delete someone's VPC link", request("apigateway:DELETE",
                "arn:aws:apigateway:us-east-1::/vpclinks/other"));
        attacks.put("delete someone's Cloud Map namespace", request("servicediscovery:DeleteNamespace",
                "arn:aws:servicediscovery:us-east-1:" + ACCOUNT + ":namespace/ns-other"));
        attacks.put("delete someone's Cloud Map service", request("servicediscovery:DeleteService",
                "arn:aws:servicediscovery:us-east-1:" + ACCOUNT + ":service/srv-other"));
        attacks.put("register a task definition without the environment's tag",
                request("ecs:RegisterTaskDefinition", "arn:aws:ecs:us-east-1:" + ACCOUNT + ":task-definition/x:1"));
        IamPolicy policy = policy();

        assertThat(attacks.entrySet()).filteredOn(attack -> policy.allows(attack.getValue()))
                .extracting(Map.Entry::getKey).as("attacks the policy allows").isEmpty();
    }

    /** The same kinds of request on the environment's own resources: what the portal itself does. */
    @Test
    void theSameRequestsOnAnEnvironmentsOwnResourcesAreAllowed() throws IOException {
        Map<String, String> tags = Map.of(ENV_TAG, "env1", EnvironmentRef.TAG_COMPONENT, "x");
        String api = "arn:aws:apigateway:us-east-1::/apis/api0env";
        IamPolicy policy = policy();

        assertThat(List.of(
                request("apigateway:PATCH", api + "/routes/rt0env").withResourceTags(tags),
                // a network move points the integration at the VPC link in the new network
                request("apigateway:PATCH", api + "/integrations/in0env").withResourceTags(tags),
                request("apigateway:DELETE", api).withResourceTags(tags),
                request("apigateway:DELETE", "arn:aws:apigateway:us-east-1::/vpclinks/vl0env").withResourceTags(tags),
                request("servicediscovery:DeleteNamespace", "arn:aws:servicediscovery:us-east-1:" + ACCOUNT
                        + ":namespace/ns-0env").withResourceTags(tags),
                request("ec2:RunInstances", REGION + ACCOUNT + ":instance/*").with("ec2:InstanceType", "t3a.micro")
                        .withRequestTags(tags),
                request("ec2:RunInstances", "arn:aws:ec2:us-east-1::image/ami-0al2023").with("ec2:Owner", "amazon"),
                request("ec2:RunInstances", REGION + ACCOUNT + ":subnet/subnet-0public").withResourceTags(tags)))
                .filteredOn(r -> !policy.allows(r)).isEmpty();
    }

    /**
     * Provisioning into a shared network: the network's own resources carry its tag (not an environment's), an
     * environment's subnet, route table and group are made in the network's VPC, its route leads to the network's NAT.
     * Each request as IAM authorizes it, on every resource type it names (Service Authorization Reference).
     */
    @Test
    void aSharedNetworksResourcesAreMadeAndUsedUnderTheNetworksTag() throws IOException {
        Map<String, String> network = Map.of(NETWORK_TAG, "7", EnvironmentRef.TAG_COMPONENT, "x");
        Map<String, String> env = Map.of(ENV_TAG, "env1", EnvironmentRef.TAG_COMPONENT, "x");
        String vpc = REGION + ACCOUNT + ":vpc/vpc-0shared";
        IamPolicy policy = policy();

        assertThat(List.of(
                request("ec2:CreateVpc", REGION + ACCOUNT + ":vpc/*").withRequestTags(network),
                request("ec2:CreateSubnet", REGION + ACCOUNT + ":subnet/*").withRequestTags(network),
                request("ec2:CreateSubnet", vpc).withResourceTags(network),
                request("ec2:CreateSubnet", REGION + ACCOUNT + ":subnet/*").withRequestTags(env),
                request("ec2:CreateRouteTable", vpc).withResourceTags(network),
                request("ec2:CreateSecurityGroup", vpc).withResourceTags(network),
                request("ec2:ModifyVpcAttribute", vpc).withResourceTags(network),
                request("ec2:AttachInternetGateway", REGION + ACCOUNT + ":internet-gateway/igw-0n")
                        .withResourceTags(network),
                request("ec2:RunInstances", REGION + ACCOUNT + ":instance/*").with("ec2:InstanceType", "t4g.nano")
                        .withRequestTags(network),
                request("ec2:RunInstances", REGION + ACCOUNT + ":network-interface/*").withRequestTags(network),
                request("ec2:RunInstances", REGION + ACCOUNT + ":subnet/subnet-0public").withResourceTags(network),
                request("ec2:StartInstances", REGION + ACCOUNT + ":instance/i-0shared").withResourceTags(network),
                request("ec2:TerminateInstances", REGION + ACCOUNT + ":instance/i-0shared").withResourceTags(network),
                request("ec2:DeleteVpc", vpc).withResourceTags(network)))
                .filteredOn(r -> !policy.allows(r)).as("the portal's shared-network requests the policy denies")
                .isEmpty();
        assertThat(List.of(
                request("ec2:CreateVpc", REGION + ACCOUNT + ":vpc/*"),
                request("ec2:CreateSubnet", REGION + ACCOUNT + ":vpc/vpc-0other"),
                request("ec2:RunInstances", REGION + ACCOUNT + ":instance/*").with("ec2:InstanceType", "p5.48xlarge")
                        .withRequestTags(network),
                request("ec2:TerminateInstances", REGION + ACCOUNT + ":instance/i-0other"),
                request("ec2:DeleteVpc", REGION + ACCOUNT + ":vpc/vpc-0other")))
                .filteredOn(policy::allows).as("what the network statements must not open up").isEmpty();
    }

    @Test
    void theBoundaryLetsTheTaskRolesDoTheirWorkAndNothingElse() throws IOException {
        IamPolicy boundary = IamPolicy.read(BOUNDARY_FILE);
        String parameters = "arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter/mcp-portal/mcp-env1/";
        assertThat(List.of(
                request("ssm:GetParameters", parameters + "elevenlabs-api-key"),
                request("ssm:GetParameter", parameters + "key-set"),
                request("ecr:GetAuthorizationToken", "*"),
                request("ecr:BatchGetImage", "arn:aws:ecr:us-east-1:" + ACCOUNT + ":repository/mcp-env1"),
                request("logs:PutLogEvents", "arn:aws:logs:us-east-1:" + ACCOUNT
                        + ":log-group:/mcp-portal/mcp-env1:log-stream:mcp-server/mcp-server/abc"),
                request("kms:Decrypt", "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/k")
                        .with("kms:ViaService", "ssm.us-east-1.amazonaws.com")))
                .as("what the task roles need").allMatch(boundary::allows);
        assertThat(List.of(
                request("iam:CreateUser", "arn:aws:iam::" + ACCOUNT + ":user/x"),
                request("ssm:GetParameter", "arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter/prod/db-password"),
                request("ssm:PutParameter", parameters + "key-set"),
                request("s3:GetObject", "arn:aws:s3:::bucket/key"),
                request("kms:Decrypt", "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/k"),
                request("logs:PutLogEvents", "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/other:log-stream:s")))
                .as("what a role with \"Action\": \"*\" could do within the boundary").noneMatch(boundary::allows);
        assertThat(boundary.statements()).as("a boundary grants nothing by itself, but an IAM action in it would "
                + "let a widened task role act on IAM").allSatisfy(s -> assertThat(s.actions())
                        .noneMatch(a -> a.startsWith("iam:") || a.equals("*")));
    }

    @Test
    void theEcsExecutionPolicyIsTheOnlyManagedPolicyTheExecutionRoleGets() throws IOException {
        Request attach = request("iam:AttachRolePolicy", EXECUTION_ROLE).with("iam:PermissionsBoundary", BOUNDARY);

        assertThat(policy().allows(attach.with("iam:PolicyARN", ECS_EXECUTION_POLICY))).isTrue();
        assertThat(policy().allows(attach.with("iam:PolicyARN", "arn:aws:iam::aws:policy/AdministratorAccess")))
                .isFalse();
        assertThat(policy().allows(request("iam:AttachRolePolicy", TASK_ROLE).with("iam:PermissionsBoundary",
                BOUNDARY).with("iam:PolicyARN", ECS_EXECUTION_POLICY))).as("the task role gets no managed policy")
                .isFalse();
    }

    static IamPolicy policy() throws IOException {
        return IamPolicy.read(IamPolicyDocument.PORTAL_POLICIES);
    }

    /** A request made with the credentials of the portal's account. */
    static Request request(String action, String resource) {
        return Request.of(action, resource).with("aws:PrincipalAccount", ACCOUNT);
    }

    private static List<String> roleArns(String account) {
        return List.of("arn:aws:iam::" + account + ":role/mcp-portal/mcp-portal-task",
                "arn:aws:iam::" + account + ":role/mcp-portal/mcp-portal-task-execution");
    }

    private static boolean everyResource(String resource) {
        return resource.equals("*") || Pattern.matches("arn:aws:[a-z0-9-]+:\\*:\\*:\\*(/\\*)?", resource);
    }

    /** Reads by their name (Service Authorization Reference access levels List and Read). */
    static boolean readOnly(String action) {
        String name = action.substring(action.indexOf(':') + 1);
        return action.equals("apigateway:GET")
                || Pattern.compile("^(Describe|Get|List|BatchGet|BatchCheck)").matcher(name).find();
    }

    private static String ec2ResourceType(String arn) {
        java.util.regex.Matcher type = Pattern.compile("^arn:aws:ec2:[^:]*:[^:]*:([a-z-]+)/").matcher(arn);
        return type.find() ? type.group(1) : arn;
    }
}
