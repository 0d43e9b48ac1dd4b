package com.mcpportal.portal.cloud.aws.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ACCOUNT;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.REGION;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Ok;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.query;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.queryOk;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.rest;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.restOk;
import static com.mcpportal.portal.cloud.aws.fake.EmptyAccount.GATEWAY;
import static com.mcpportal.portal.cloud.aws.fake.EmptyAccount.NAT_ENI;
import static com.mcpportal.portal.cloud.aws.fake.EmptyAccount.NAT_GROUP;
import static com.mcpportal.portal.cloud.aws.fake.EmptyAccount.PRIVATE_ROUTES;
import static com.mcpportal.portal.cloud.aws.fake.EmptyAccount.PRIVATE_SUBNET;
import static com.mcpportal.portal.cloud.aws.fake.EmptyAccount.PUBLIC_ROUTES;
import static com.mcpportal.portal.cloud.aws.fake.EmptyAccount.PUBLIC_SUBNET;
import static com.mcpportal.portal.cloud.aws.fake.EmptyAccount.SERVICE_GROUP;
import static com.mcpportal.portal.cloud.aws.fake.EmptyAccount.VPC;
import static com.mcpportal.portal.cloud.aws.fake.Ec2Xml.set;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * The account after {@link EmptyAccount} provisioned environment {@code env1} completely: every
 * lookup finds what the provision made (same ids, tags and settings), so a second provision, or
 * one resumed after a crash, should find everything and create nothing. Stubs here win over the
 * empty baseline and lose to a test's own {@link AwsFake#answer}.
 */
public final class ProvisionedAccount {

    /** The ECR lifecycle policy the adapter writes, as the account now holds it. */
    static final String KEEP_LAST_FIVE = "{\"rules\":[{\"rulePriority\":1,\"description\":\"Keep only the last 5 "
            + "images\",\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":5},"
            + "\"action\":{\"type\":\"expire\"}}]}";
    static final int PRIORITY = 10;
    public static final String REPOSITORY_URI = ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/mcp-env1";
    public static final String TASK_DEFINITION_ARN = "arn:aws:ecs:" + REGION + ":" + ACCOUNT
            + ":task-definition/mcp-env1:1";

    private final AwsFake fake;

    private ProvisionedAccount(AwsFake fake) {
        this.fake = fake;
    }

    /**
     * Stubs the provisioned account on {@code fake} (which should already have the empty baseline).
     *
     * @param taskSpecHash the {@code mcp-portal:spec-hash} tag of the registered task definition
     */
    public static void on(AwsFake fake, String taskSpecHash) {
        ProvisionedAccount account = new ProvisionedAccount(fake);
        account.network();
        account.containers(taskSpecHash);
        account.ingress();
    }

    private void network() {
        String publicRoutes = Ec2Xml.routeTable(PUBLIC_ROUTES, VPC, Ec2Xml.route("0.0.0.0/0", GATEWAY),
                Ec2Xml.association("rtbassoc-0a", PUBLIC_ROUTES, PUBLIC_SUBNET), "public-route-table");
        String privateRoutes = Ec2Xml.routeTable(PRIVATE_ROUTES, VPC, Ec2Xml.route("0.0.0.0/0", NAT_ENI),
                Ec2Xml.association("rtbassoc-0b", PRIVATE_ROUTES, PRIVATE_SUBNET), "private-route-table");
        String publicSubnet = Ec2Xml.subnet(PUBLIC_SUBNET, VPC, "10.0.0.0/24", "us-east-1a", "public-subnet");
        String privateSubnet = Ec2Xml.subnet(PRIVATE_SUBNET, VPC, "10.0.1.0/24", "us-east-1a", "private-subnet");
        String serviceGroup = Ec2Xml.securityGroup(SERVICE_GROUP, VPC, "tcp", 8080, "10.0.0.0/16");
        String natGroup = Ec2Xml.securityGroup(NAT_GROUP, VPC, "-1", null, "10.0.0.0/16");

        ec2Found("DescribeVpcs", set("vpcSet", Ec2Xml.vpc(VPC, "10.0.0.0/16")), null);
        ec2Found("DescribeSubnets", set("subnetSet", publicSubnet), "public-subnet");
        ec2Found("DescribeSubnets", set("subnetSet", privateSubnet), "private-subnet");
        ec2Found("DescribeSubnets", set("subnetSet", publicSubnet, privateSubnet), null);
        ec2Found("DescribeInternetGateways", set("internetGatewaySet", Ec2Xml.internetGateway(GATEWAY, VPC)), null);
        ec2Found("DescribeRouteTables", set("routeTableSet", publicRoutes), "public-route-table");
        ec2Found("DescribeRouteTables", set("routeTableSet", privateRoutes), "private-route-table");
        stub(ec2("DescribeRouteTables").withFormParam("RouteTableId.1", equalTo(PRIVATE_ROUTES)),
                ec2Ok("DescribeRouteTables", set("routeTableSet", privateRoutes)), PRIORITY - 1);
        ec2Found("DescribeRouteTables", set("routeTableSet", publicRoutes, privateRoutes), null);
        ec2Found("DescribeSecurityGroups", set("securityGroupInfo", serviceGroup), "service-security-group");
        ec2Found("DescribeSecurityGroups", set("securityGroupInfo", natGroup), "nat-security-group");
        ec2Found("DescribeSecurityGroups", set("securityGroupInfo", serviceGroup, natGroup), null);
        ec2Found("DescribeInstances",
                Ec2Xml.reservations(Ec2Xml.instance(EmptyAccount.NAT_INSTANCE, "running", false, NAT_ENI)), null);
    }

    private void containers(String taskSpecHash) {
        for (String arn : new String[] {EmptyAccount.EXECUTION_ROLE_ARN, EmptyAccount.TASK_ROLE_ARN}) {
            stub(query("iam", "GetRole").withFormParam("RoleName", equalTo(arn.substring(arn.lastIndexOf('/') + 1))),
                    queryOk(EmptyAccount.IAM_NS, "GetRole", EmptyAccount.role(arn, true)));
        }
        stub(json("ecr", "DescribeRepositories"), jsonOk("""
                {"repositories":[{"repositoryName":"mcp-env1","repositoryArn":"arn:aws:ecr:%1$s:%2$s:repository/mcp-env1",\
                "repositoryUri":"%2$s.dkr.ecr.%1$s.amazonaws.com/mcp-env1","imageTagMutability":"IMMUTABLE"}]}"""
                .formatted(REGION, ACCOUNT)));
        stub(json("ecr", "GetLifecyclePolicy"), jsonOk("{\"repositoryName\":\"mcp-env1\",\"lifecyclePolicyText\":\""
                + KEEP_LAST_FIVE.replace("\"", "\\\"") + "\"}"));
        stub(json("logs", "DescribeLogGroups"), jsonOk("""
                {"logGroups":[{"logGroupName":"/mcp-portal/mcp-env1","retentionInDays":7}]}"""));
        stub(json("ecs", "DescribeClusters"), jsonOk("""
                {"clusters":[{"clusterName":"mcp-env1","status":"ACTIVE","capacityProviders":["FARGATE","FARGATE_SPOT"]}],\
                "failures":[]}"""));
        stub(json("ecs", "DescribeTaskDefinition"), jsonOk("""
                {"taskDefinition":{"taskDefinitionArn":"%s","family":"mcp-env1","revision":1,"status":"ACTIVE"},\
                "tags":[{"key":"mcp-portal:spec-hash","value":"%s"}]}""".formatted(TASK_DEFINITION_ARN, taskSpecHash)));
        stub(json("ecs", "DescribeServices"), jsonOk("""
                {"services":[{"serviceName":"mcp-env1","status":"ACTIVE","desiredCount":1,"runningCount":1,\
                "pendingCount":0,"taskDefinition":"%s","capacityProviderStrategy":[{"capacityProvider":"FARGATE",\
                "weight":1}],"deploymentConfiguration":{"minimumHealthyPercent":100,"maximumPercent":200,\
                "deploymentCircuitBreaker":{"enable":true,"rollback":true}},"deployments":[{"id":"ecs-svc/1",\
                "status":"PRIMARY","taskDefinition":"%1$s","rolloutState":"COMPLETED"}]}],"failures":[]}"""
                .formatted(TASK_DEFINITION_ARN)));
        stub(json("servicediscovery", "ListNamespaces"), jsonOk("""
                {"Namespaces":[{"Id":"%s","Name":"mcp-env1.internal","Type":"DNS_PRIVATE"}]}"""
                .formatted(EmptyAccount.NAMESPACE)));
        stub(json("servicediscovery", "ListServices"), jsonOk("""
                {"Services":[{"Id":"srv-0env","Arn":"%s","Name":"mcp"}]}""".formatted(EmptyAccount.CLOUD_MAP_SERVICE_ARN)));
    }

    private void ingress() {
        stub(rest("GET", "/v2/vpclinks"), restOk(200, """
                {"items":[{"vpcLinkId":"%s","name":"mcp-env1","vpcLinkStatus":"AVAILABLE",\
                "tags":{"mcp-portal:environment-id":"env1","mcp-portal:component":"vpc-link"}}]}"""
                .formatted(EmptyAccount.VPC_LINK)));
        stub(rest("GET", "/v2/apis"), restOk(200, """
                {"items":[{"apiId":"%s","name":"mcp-env1","apiEndpoint":"%s","protocolType":"HTTP",\
                "tags":{"mcp-portal:environment-id":"env1","mcp-portal:component":"http-api"}}]}"""
                .formatted(EmptyAccount.API, EmptyAccount.API_ENDPOINT)));
        stub(rest("GET", "/v2/apis/[^/]+/integrations"), restOk(200, """
                {"items":[{"integrationId":"int0env","connectionId":"%s","integrationUri":"%s"}]}"""
                .formatted(EmptyAccount.VPC_LINK, EmptyAccount.CLOUD_MAP_SERVICE_ARN)));
        stub(rest("GET", "/v2/apis/[^/]+/routes"), restOk(200, """
                {"items":[{"routeId":"rt0env","routeKey":"ANY /{proxy+}","target":"integrations/int0env"}]}"""));
        stub(rest("GET", "/v2/apis/[^/]+/stages"), restOk(200, "{\"items\":[{\"stageName\":\"$default\"}]}"));
    }

    /**
     * Answers every delete call a teardown of the account makes (the resources go away); the lookups a test wants
     * to change between calls (the service going INACTIVE, the NAT terminated) it stubs itself.
     */
    public static void acceptsDeletes(AwsFake fake) {
        fake.answer(rest("DELETE", "/v2/apis/[^/]+"), restOk(204, ""));
        fake.answer(rest("DELETE", "/v2/vpclinks/[^/]+"), restOk(202, "{}"));
        fake.answer(rest("GET", "/v2/vpclinks/[^/]+"), AwsFake.restError(404, "NotFoundException", "Invalid VpcLink"));
        fake.answer(json("ecs", "DeleteService"), jsonOk("{\"service\":{\"serviceName\":\"mcp-env1\"}}"));
        // A registered target (the CPU autoscaling of a past start), gone by the time it is deregistered.
        fake.answer(json("application-autoscaling", "DescribeScalableTargets"), jsonOk("{\"ScalableTargets\":[{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/mcp-env1/mcp-env1\","
                + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":0,\"MaxCapacity\":4}]}"));
        fake.answer(json("application-autoscaling", "DeregisterScalableTarget"), AwsFake.jsonError(400,
                "ObjectNotFoundException", "No scalable target registered for service namespace: ecs"));
        fake.answer(json("servicediscovery", "DeleteService"), jsonOk("{}"));
        fake.answer(json("servicediscovery", "DeleteNamespace"), jsonOk("{\"OperationId\":\"op-del\"}"));
        fake.answer(json("ecs", "ListTaskDefinitions"), jsonOk("{\"taskDefinitionArns\":[\"" + TASK_DEFINITION_ARN
                + "\"]}"));
        for (String action : new String[] {"DeregisterTaskDefinition", "DeleteTaskDefinitions", "DeleteCluster"}) {
            fake.answer(json("ecs", action), jsonOk("{}"));
        }
        fake.answer(ec2("TerminateInstances"), ec2Ok("TerminateInstances",
                Ec2Xml.stateChange(EmptyAccount.NAT_INSTANCE, "shutting-down", "running")));
        for (String action : new String[] {"DeleteSecurityGroup", "DisassociateRouteTable", "DeleteRouteTable",
                "DetachInternetGateway", "DeleteInternetGateway", "DeleteSubnet", "DeleteVpc"}) {
            fake.answer(ec2(action), ec2Ok(action, Ec2Xml.ok()));
        }
        fake.answer(json("ecr", "DeleteRepository"), jsonOk("{\"repository\":{}}"));
        fake.answer(json("logs", "DeleteLogGroup"), jsonOk("{}"));
        fake.answer(json("ssm", "DeleteParameters"), jsonOk("{\"DeletedParameters\":[]}"));
    }

    // A lookup by component carries the component's name in its filter; one without is a teardown listing.
    private void ec2Found(String action, String inner, String component) {
        MappingBuilder call = component == null ? ec2(action) : ec2(action).withRequestBody(containing(component));
        stub(call, ec2Ok(action, inner), component == null ? PRIORITY : PRIORITY - 1);
    }

    private void stub(MappingBuilder call, ResponseDefinitionBuilder answer) {
        stub(call, answer, PRIORITY);
    }

    private void stub(MappingBuilder call, ResponseDefinitionBuilder answer, int priority) {
        fake.stub(call, priority, answer);
    }
}
