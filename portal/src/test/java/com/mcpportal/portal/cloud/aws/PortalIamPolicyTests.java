package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.cloudWatch;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.cloudWatchOk;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Ok;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.query;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.queryOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudPrices;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.LogGroup;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.SecretRef;
import com.mcpportal.portal.cloud.ServiceDiscovery;
import com.mcpportal.portal.cloud.ServiceSpec;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.TaskSpec;
import com.mcpportal.portal.cloud.aws.fake.AwsCall;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.Ec2Xml;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;
import com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount;
import com.mcpportal.portal.cloud.aws.fake.ProvisionedAccount;
import com.mcpportal.portal.cloud.image.RegistryApiCalls;

/**
 * The portal's policies ({@code deploy/iam/portal-policy-network.json}, {@code -service.json}, {@code -iam.json},
 * attached together) allow everything the portal does on AWS, and nothing it never does:
 * a whole environment's life against the AWS fake, the pricing calls, and every SDK call in the adapter's
 * source (branches the fake run does not reach), each checked against the policy's Allow statements; and the
 * calls whose statements carry conditions, evaluated with their resources and condition keys.
 */
class PortalIamPolicyTests {

    /**
     * Permissions AWS checks besides the action named after the API call (Service Authorization Reference,
     * "tag on create" pages, Cloud Map's API permissions reference, service-linked roles made on first use).
     */
    static final Map<String, List<String>> ALSO_REQUIRED = Map.ofEntries(
            Map.entry("ec2:CreateVpc", List.of("ec2:CreateTags")),
            Map.entry("ec2:CreateSubnet", List.of("ec2:CreateTags")),
            Map.entry("ec2:CreateInternetGateway", List.of("ec2:CreateTags")),
            Map.entry("ec2:CreateRouteTable", List.of("ec2:CreateTags")),
            Map.entry("ec2:CreateSecurityGroup", List.of("ec2:CreateTags")),
            Map.entry("ec2:RunInstances", List.of("ec2:CreateTags", "iam:CreateServiceLinkedRole")),
            Map.entry("ecs:CreateCluster", List.of("ecs:TagResource", "iam:CreateServiceLinkedRole")),
            Map.entry("ecs:CreateService", List.of("ecs:TagResource", "iam:CreateServiceLinkedRole")),
            Map.entry("ecs:RegisterTaskDefinition", List.of("ecs:TagResource", "iam:PassRole")),
            Map.entry("ecr:CreateRepository", List.of("ecr:TagResource")),
            Map.entry("logs:CreateLogGroup", List.of("logs:TagResource", "logs:TagLogGroup")),
            Map.entry("iam:CreateRole", List.of("iam:TagRole")),
            Map.entry("servicediscovery:CreatePrivateDnsNamespace", List.of("servicediscovery:TagResource",
                    "route53:CreateHostedZone", "route53:GetHostedZone", "route53:ListHostedZonesByName",
                    "ec2:DescribeVpcs", "ec2:DescribeRegions")),
            Map.entry("servicediscovery:CreateService", List.of("servicediscovery:TagResource")),
            Map.entry("apigateway:POST", List.of("apigateway:TagResource", "iam:CreateServiceLinkedRole")),
            // ECR's login is for Jib's Registry API calls, which ECR authorizes one IAM action each.
            Map.entry("ecr:GetAuthorizationToken", List.copyOf(RegistryApiCalls.PUBLISH)),
            Map.entry("sts:GetCallerIdentity", List.of()),
            // The target's role is passed to EventBridge Scheduler; a group created with tags is tagged on create.
            Map.entry("scheduler:CreateSchedule", List.of("iam:PassRole")),
            Map.entry("scheduler:UpdateSchedule", List.of("iam:PassRole")),
            Map.entry("scheduler:CreateScheduleGroup", List.of("scheduler:TagResource")),
            // Application Auto Scaling reads and scales the service as the caller, makes its service-linked role on
            // first use, and creates and deletes target tracking's CloudWatch alarms (its "permissions required for
            // API actions" page).
            Map.entry("application-autoscaling:RegisterScalableTarget", List.of("ecs:DescribeServices",
                    "ecs:UpdateService", "iam:CreateServiceLinkedRole")),
            Map.entry("application-autoscaling:PutScalingPolicy", List.of("cloudwatch:DescribeAlarms",
                    "cloudwatch:PutMetricAlarm")),
            Map.entry("application-autoscaling:DeregisterScalableTarget", List.of("cloudwatch:DescribeAlarms",
                    "cloudwatch:DeleteAlarms")));

    /** AWS answers these for any valid credentials; no policy can grant or need them. */
    static final Set<String> NEED_NO_PERMISSION = Set.of("sts:GetCallerIdentity");

    /** In the policy ahead of the code that calls them. */
    static final Set<String> PLANNED = Set.of();

    /** Called by the SDK itself: AwsClientFactory's StsAssumeRoleCredentialsProvider, for a team account's role. */
    static final Set<String> CALLED_BY_THE_SDK = Set.of("sts:AssumeRole");

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;

    @Test
    void everyCallOfAnEnvironmentsWholeLifeIsAllowed() throws IOException {
        Set<String> called = new TreeSet<>();
        List<AwsCall> calls = new ArrayList<>();
        testConnectionThroughARole();
        provision();
        called.addAll(fake.iamActions());
        calls.addAll(fake.calls());

        ProvisionedAccount.on(fake, "another-spec");
        fake.forgetCalls();
        provision();
        startStopAndDescribe();
        patchTheNat();
        readRequestMetrics();
        deprovision();
        readPrices();
        called.addAll(fake.iamActions());
        calls.addAll(fake.calls());

        assertThat(called).as("the run reached every service")
                .contains("sts:AssumeRole", "iam:CreateRole", "ec2:RunInstances", "ec2:StartInstances",
                        "ec2:StopInstances", "ecs:UpdateService", "ecs:ListTasks", "apigateway:DELETE",
                        "servicediscovery:DeleteNamespace", "ssm:DeleteParameters", "tag:GetResources",
                        "ecr:DescribeImages", "ec2:DescribeInstanceStatus", "ec2:ReplaceRoute",
                        "pricing:GetProducts", "ec2:DescribeSpotPriceHistory", "cloudwatch:GetMetricData");
        assertThat(policy().missing(needed(called))).as("actions the portal calls that the policy does not allow")
                .isEmpty();
        List<IamPolicy.Request> requests = new IamRequestsOfCalls(env).of(calls);
        assertThat(requests).extracting(IamPolicy.Request::action).as("the calls read as IAM requests")
                .contains("iam:CreateRole", "iam:TagRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PassRole",
                        "ec2:RunInstances", "ec2:CreateTags", "ec2:CreateSubnet", "ecs:RegisterTaskDefinition",
                        "apigateway:POST", "apigateway:DELETE", "servicediscovery:CreatePrivateDnsNamespace",
                        "servicediscovery:DeleteService", "servicediscovery:DeleteNamespace");
        IamPolicy scoped = PortalIamPolicyScopeTests.policy();
        assertThat(requests).filteredOn(request -> !scoped.allows(request))
                .as("the portal's own requests that the policy's resources and conditions deny").isEmpty();
    }

    @Test
    void everySdkCallInTheAdapterSourceIsAllowed() throws IOException {
        Set<String> called = SdkCallsInSource.scan();

        assertThat(called).as("the source scan found the adapter's calls").hasSizeGreaterThan(60)
                .contains("ec2:RunInstances", "ec2:CancelSpotInstanceRequests", "ec2:ReplaceRoute",
                        "ecr:GetAuthorizationToken", "ecr:DescribeImages", "ecr:PutImageTagMutability",
                        "ecs:PutClusterCapacityProviders", "apigateway:PATCH", "pricing:GetProducts",
                        "cloudwatch:GetMetricData");
        assertThat(policy().missing(needed(called))).as("actions in the adapter's source the policy does not allow")
                .isEmpty();
    }

    @Test
    void thePolicyAllowsNothingThePortalNeverCalls() throws IOException {
        Set<String> needed = needed(SdkCallsInSource.scan());
        needed.addAll(PLANNED);
        needed.addAll(CALLED_BY_THE_SDK);

        assertThat(policy().allowedActions()).as("allowed actions nothing in the portal needs")
                .filteredOn(action -> needed.stream().noneMatch(n -> IamPolicyDocument.matches(action, n)))
                .isEmpty();
    }

    @Test
    void wildcardsMatchTheWayIamMatchesThem() {
        assertThat(IamPolicyDocument.matches("ec2:Describe*", "ec2:DescribeVpcs")).isTrue();
        assertThat(IamPolicyDocument.matches("EC2:describevpcs", "ec2:DescribeVpcs")).isTrue();
        assertThat(IamPolicyDocument.matches("ec2:Describe*", "ec2:CreateVpc")).isFalse();
        assertThat(IamPolicyDocument.matches("ec2:DescribeVpc?", "ec2:DescribeVpcs")).isTrue();
        assertThat(new IamPolicyDocument(List.of("ec2:Describe*")).missing(List.of("ec2:DescribeVpcs", "ecs:X")))
                .containsExactly("ecs:X");
    }

    private static IamPolicyDocument policy() throws IOException {
        return IamPolicyDocument.read(IamPolicyDocument.PORTAL_POLICIES);
    }

    /** The called actions, what AWS also checks for them, less what needs no permission. */
    private static Set<String> needed(Set<String> called) {
        Set<String> needed = new TreeSet<>(called);
        called.forEach(action -> needed.addAll(ALSO_REQUIRED.getOrDefault(action, List.of())));
        needed.removeAll(NEED_NO_PERMISSION);
        return needed;
    }

    private void testConnectionThroughARole() {
        fake.answer(query("sts", "AssumeRole"), queryOk("https://sts.amazonaws.com/doc/2011-06-15/", "AssumeRole", """
                <Credentials><AccessKeyId>ASIAASSUMED</AccessKeyId><SecretAccessKey>s3cr3t</SecretAccessKey>\
                <SessionToken>token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>\
                <AssumedRoleUser><Arn>arn:aws:sts::210987654321:assumed-role/mcp-portal-access/mcp-portal</Arn>\
                <AssumedRoleId>AROA:mcp-portal</AssumedRoleId></AssumedRoleUser>"""));
        CloudTarget team = new CloudTarget("account-2", AwsFake.REGION,
                "arn:aws:iam::210987654321:role/mcp-portal-access", "external-42");
        assertThat(cloud().testConnection(team).ok()).isTrue();
    }

    private void provision() {
        AccountRoles roles = cloud().ensureAccountRoles(env.target());
        Network network = cloud().ensureNetwork(env, NetworkSpec.defaults());
        cloud().ensureNatInstance(env, network, NatSpec.defaults());
        var repository = cloud().ensureRepository(env);
        cloud().findImage(env, repository, "latest", Architecture.ARM64);
        LogGroup logGroup = cloud().ensureLogGroup(env, 7);
        SecretRef apiKey = cloud().putSecret(env, CloudProvider.ELEVENLABS_API_KEY_SECRET, "xi-secret-value");
        SecretRef keySet = cloud().putSecret(env, CloudProvider.KEY_SET_SECRET, "[]");
        String cluster = cloud().ensureCluster(env);
        TaskDefinitionRef task = cloud().registerTaskDefinition(env, new TaskSpec(FargateSize.DEFAULT,
                Architecture.ARM64, repository.uri() + ":latest", network.containerPort(), roles.executionRoleArn(),
                roles.taskRoleArn(), Map.of("ELEVENLABS_API_KEY", apiKey), keySet.name(), List.of(),
                List.of(network.vpcCidr()), Map.of(), logGroup.name()));
        ServiceDiscovery discovery = cloud().ensureServiceDiscovery(env, network);
        cloud().ensureService(env, new ServiceSpec(cluster, task, network, discovery, 0, false));
        cloud().ensureIngress(env, network, discovery);
    }

    private void startStopAndDescribe() {
        String taskDefinition = ProvisionedAccount.TASK_DEFINITION_ARN;
        fake.answer(ec2("DescribeInstances"),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "stopped", false, "e"))),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "running", false, "e"))));
        fake.answer(ec2("StartInstances"), ec2Ok("StartInstances", Ec2Xml.stateChange("i-0nat", "pending", "stopped")));
        cloud().startNat(env);
        fake.answer(json("ecs", "DescribeServices"), jsonOk(service(0, 0, taskDefinition)),
                jsonOk(service(1, 1, taskDefinition)));
        fake.answer(json("ecs", "UpdateService"), jsonOk("{\"service\":" + serviceJson(1, 0, taskDefinition) + "}"));
        fake.answer(json("ecs", "ListTasks"), jsonOk("{\"taskArns\":[\"arn:aws:ecs:us-east-1:1:task/mcp-env1/1\"]}"));
        fake.answer(json("ecs", "DescribeTasks"), jsonOk("""
                {"tasks":[{"taskArn":"arn:aws:ecs:us-east-1:1:task/mcp-env1/1","lastStatus":"RUNNING",\
                "healthStatus":"HEALTHY"}]}"""));
        cloud().scaleService(env, 1);
        cloud().describe(env);

        fake.answer(json("ecs", "DescribeServices"), jsonOk(service(1, 1, taskDefinition)),
                jsonOk(service(0, 0, taskDefinition)));
        cloud().scaleService(env, 0);
        fake.answer(ec2("DescribeInstances"),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "running", false, "e"))),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "stopped", false, "e"))));
        fake.answer(ec2("StopInstances"), ec2Ok("StopInstances", Ec2Xml.stateChange("i-0nat", "stopping", "running")));
        cloud().stopNat(env);
    }

    /** Amazon published a newer AMI: the NAT is replaced from it (launch, route switch, the old one terminated). */
    private void patchTheNat() {
        NatReplacementAccount.on(fake).nats(NatReplacementAccount.old("stopped"))
                .published(NatReplacementAccount.NEWER_AMI).routeLeadsTo(NatReplacementAccount.OLD_ENI).launches()
                .newNatReports(true, "running", "running", "stopped");
        assertThat(cloud().natImageStatus(env).orElseThrow().outdated()).isTrue();
        cloud().replaceNatInstance(env, EmptyAccount.network(), NatState.STOPPED);
    }

    private void deprovision() {
        ProvisionedAccount.acceptsDeletes(fake);
        fake.answer(json("ecs", "DescribeServices"),
                jsonOk("{\"services\":[{\"serviceName\":\"mcp-env1\",\"status\":\"ACTIVE\",\"desiredCount\":0}]}"),
                jsonOk("{\"services\":[{\"serviceName\":\"mcp-env1\",\"status\":\"INACTIVE\"}]}"));
        fake.answer(ec2("DescribeInstances"),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "stopped", false, "e")
                        .replace("<instanceType>", "<spotInstanceRequestId>sir-0nat</spotInstanceRequestId>"
                                + "<instanceType>"))),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "terminated", false, "e"))));
        fake.answer(ec2("CancelSpotInstanceRequests"), ec2Ok("CancelSpotInstanceRequests", Ec2Xml.set(
                "spotInstanceRequestSet", "<item><spotInstanceRequestId>sir-0nat</spotInstanceRequestId>"
                        + "<state>cancelled</state></item>")));
        fake.answer(ec2("TerminateInstances"), ec2Ok("TerminateInstances",
                Ec2Xml.stateChange("i-0nat", "shutting-down", "stopped")));

        cloud().deleteIngress(env);
        cloud().deleteService(env);
        cloud().deleteServiceDiscovery(env);
        cloud().deleteCluster(env);
        cloud().deleteNatInstance(env);
        cloud().deleteNetwork(env);
        cloud().deleteRepository(env);
        cloud().deleteLogGroup(env);
        cloud().deleteSecrets(env);
        assertThat(cloud().remainingResources(env)).isEmpty();
    }

    /** The environment page's request figures. */
    private void readRequestMetrics() {
        fake.answer(cloudWatch("GetMetricData"), cloudWatchOk("GetMetricData", "<MetricDataResults/>"));
        new AwsMcpMetrics(fake.clientFactory(fake.settings())).hourlyRequests(env, Instant.now().minusSeconds(7200),
                Instant.now());
    }

    /** The cost feature's calls, on clients pointed at the same fake. */
    private void readPrices() {
        fake.answer(json("pricing", "GetProducts"), jsonOk("{\"FormatVersion\":\"aws_v1\",\"PriceList\":[]}"));
        fake.answer(ec2("DescribeSpotPriceHistory"), ec2Ok("DescribeSpotPriceHistory", "<spotPriceHistorySet/>"));
        try (CloudPrices.Reader prices = new AwsCloudPrices(fake.clientFactory(fake.settings()))
                .open(AwsFake.target(), "us-east-1", fake.endpoint())) {
            prices.products("AmazonEC2", Map.of("regionCode", "us-east-1", "instanceType", "t4g.nano"));
            prices.spotPrices("t4g.nano", Instant.now());
        }
    }

    private CloudProvider cloud() {
        return fake.provider();
    }

    private static String service(int desired, int running, String taskDefinition) {
        return "{\"services\":[" + serviceJson(desired, running, taskDefinition) + "],\"failures\":[]}";
    }

    private static String serviceJson(int desired, int running, String taskDefinition) {
        return """
                {"serviceName":"mcp-env1","serviceArn":"arn:aws:ecs:us-east-1:123456789012:service/mcp-env1/mcp-env1",\
                "status":"ACTIVE","desiredCount":%d,"runningCount":%d,"pendingCount":0,"taskDefinition":"%s",\
                "capacityProviderStrategy":[{"capacityProvider":"FARGATE","weight":1}],\
                "deployments":[{"status":"PRIMARY","rolloutState":"COMPLETED"}]}""".formatted(desired, running,
                taskDefinition);
    }
}
