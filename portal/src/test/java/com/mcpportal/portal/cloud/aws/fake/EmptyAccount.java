package com.mcpportal.portal.cloud.aws.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ACCOUNT;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.REGION;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Ok;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonError;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.query;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.queryError;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.queryOk;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.rest;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.restOk;
import static com.mcpportal.portal.cloud.aws.fake.Ec2Xml.ok;
import static com.mcpportal.portal.cloud.aws.fake.Ec2Xml.set;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.ServiceDiscovery;

/**
 * A fresh AWS account, as the fake's baseline: every lookup finds nothing and every create
 * answers with a fixed id below, so a whole environment can be provisioned. It has no memory;
 * tests that need an existing resource stub its lookup with {@link AwsFake#answer}, which wins.
 */
public final class EmptyAccount {

    public static final String VPC = "vpc-0env";
    public static final String PUBLIC_SUBNET = "subnet-0public";
    public static final String PRIVATE_SUBNET = "subnet-0private";
    public static final String GATEWAY = "igw-0env";
    public static final String PUBLIC_ROUTES = "rtb-0public";
    public static final String PRIVATE_ROUTES = "rtb-0private";
    public static final String SERVICE_GROUP = "sg-0service";
    public static final String NAT_GROUP = "sg-0nat";
    public static final String NAT_INSTANCE = "i-0nat";
    public static final String NAT_ENI = "eni-0nat";
    /** The digest of the team's own image that {@code ecr:DescribeImages} reports for any tag. */
    public static final String OWN_IMAGE_DIGEST =
            "sha256:0f3a4b1c2d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";
    public static final String AMI = "ami-0minimal";
    public static final String NAMESPACE = "ns-0env";
    public static final String CLOUD_MAP_SERVICE_ARN = "arn:aws:servicediscovery:" + REGION + ":" + ACCOUNT
            + ":service/srv-0env";
    public static final String VPC_LINK = "vl0env";
    public static final String API = "api0env";
    public static final String API_ENDPOINT = "https://api0env.execute-api." + REGION + ".amazonaws.com";
    public static final String EXECUTION_ROLE_ARN = "arn:aws:iam::" + ACCOUNT
            + ":role/mcp-portal/mcp-portal-task-execution";
    public static final String TASK_ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/mcp-portal/mcp-portal-task";
    /** The task roles' permissions boundary in this account ({@code deploy/iam/task-role-boundary.json}). */
    public static final String BOUNDARY_ARN = "arn:aws:iam::" + ACCOUNT
            + ":policy/mcp-portal/mcp-portal-task-boundary";
    static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    /** The environment the fixtures below belong to. */
    public static final EnvironmentRef ENVIRONMENT = new EnvironmentRef(AwsFake.target(), "env1", "Team A", "prod");

    private final AwsFake fake;

    /** The network {@link com.mcpportal.portal.cloud.CloudProvider#ensureNetwork} makes in this account. */
    public static Network network() {
        return new Network(VPC, "10.0.0.0/16", "us-east-1a", PUBLIC_SUBNET, PRIVATE_SUBNET, GATEWAY, PUBLIC_ROUTES,
                PRIVATE_ROUTES, SERVICE_GROUP, 8080);
    }

    /** The Cloud Map namespace and service made in this account. */
    public static ServiceDiscovery discovery() {
        return new ServiceDiscovery(NAMESPACE, "mcp-env1.internal", "srv-0env", CLOUD_MAP_SERVICE_ARN);
    }

    private EmptyAccount(AwsFake fake) {
        this.fake = fake;
    }

    /** Stubs the baseline on {@code fake}. */
    public static void on(AwsFake fake) {
        EmptyAccount account = new EmptyAccount(fake);
        account.stubNetwork();
        account.stubNat();
        account.stubContainers();
        account.stubIngress();
        account.stubIdentity();
    }

    private void stubNetwork() {
        ec2Empty("DescribeVpcs", "vpcSet");
        ec2Answer("CreateVpc", "<vpc>" + inner(Ec2Xml.vpc(VPC, "10.0.0.0/16")) + "</vpc>");
        ec2Answer("ModifyVpcAttribute", ok());
        ec2Answer("DescribeAvailabilityZones", set("availabilityZoneInfo",
                "<item><zoneName>us-east-1b</zoneName><zoneState>available</zoneState></item>",
                "<item><zoneName>us-east-1a</zoneName><zoneState>available</zoneState></item>"));
        ec2Empty("DescribeSubnets", "subnetSet");
        ec2Answer(ec2("CreateSubnet").withRequestBody(containing("public-subnet")), "CreateSubnet",
                "<subnet>" + inner(Ec2Xml.subnet(PUBLIC_SUBNET, VPC, "10.0.0.0/24", "us-east-1a")) + "</subnet>");
        ec2Answer("CreateSubnet",
                "<subnet>" + inner(Ec2Xml.subnet(PRIVATE_SUBNET, VPC, "10.0.1.0/24", "us-east-1a")) + "</subnet>");
        ec2Empty("DescribeInternetGateways", "internetGatewaySet");
        ec2Answer("CreateInternetGateway", "<internetGateway>" + inner(Ec2Xml.internetGateway(GATEWAY, null))
                + "</internetGateway>");
        ec2Answer("AttachInternetGateway", ok());
        ec2Empty("DescribeRouteTables", "routeTableSet");
        ec2Answer(ec2("CreateRouteTable").withRequestBody(containing("public-route-table")), "CreateRouteTable",
                "<routeTable>" + inner(Ec2Xml.routeTable(PUBLIC_ROUTES, VPC, "", "")) + "</routeTable>");
        ec2Answer("CreateRouteTable",
                "<routeTable>" + inner(Ec2Xml.routeTable(PRIVATE_ROUTES, VPC, "", "")) + "</routeTable>");
        ec2Answer("CreateRoute", ok());
        ec2Answer("ReplaceRoute", ok());
        ec2Answer("AssociateRouteTable", "<associationId>rtbassoc-0env</associationId>");
        ec2Empty("DescribeSecurityGroups", "securityGroupInfo");
        ec2Answer(ec2("CreateSecurityGroup").withRequestBody(containing("nat-security-group")),
                "CreateSecurityGroup", "<groupId>" + NAT_GROUP + "</groupId>");
        ec2Answer("CreateSecurityGroup", "<groupId>" + SERVICE_GROUP + "</groupId>");
        ec2Answer("AuthorizeSecurityGroupIngress", ok());
    }

    private void stubNat() {
        fake.stub(json("ssm", "GetParameter"), AwsFake.BASELINE_PRIORITY, jsonOk("""
                {"Parameter":{"Name":"{{jsonPath request.body '$.Name'}}","Type":"String","Value":"%s","Version":7}}"""
                .formatted(AMI)).withTransformers("response-template"));
        ec2Answer("DescribeInstanceTypes", set("instanceTypeSet", "<item><instanceType>t4g.nano</instanceType>"
                + "<processorInfo><supportedArchitectures><item>arm64</item></supportedArchitectures></processorInfo>"
                + "</item>"));
        ec2Answer("DescribeImages", set("imagesSet", "<item><imageId>" + AMI + "</imageId>"
                + "<rootDeviceName>/dev/xvda</rootDeviceName>" + set("blockDeviceMapping",
                "<item><deviceName>/dev/xvda</deviceName><ebs><snapshotId>snap-0ami</snapshotId>"
                        + "<volumeSize>2</volumeSize><volumeType>gp3</volumeType></ebs></item>") + "</item>"));
        ec2Answer("DescribeInstances", Ec2Xml.reservations());
        ec2Answer("RunInstances", "<reservationId>r-0nat</reservationId><ownerId>" + ACCOUNT + "</ownerId>"
                + set("instancesSet", Ec2Xml.instance(NAT_INSTANCE, "pending", true, NAT_ENI)));
        ec2Answer("ModifyInstanceAttribute", ok());
        // The NAT step reads the private route table by id: it exists, without a default route yet.
        fake.stub(ec2("DescribeRouteTables").withFormParam("RouteTableId.1", equalTo(PRIVATE_ROUTES)),
                AwsFake.BASELINE_PRIORITY - 1, ec2Ok("DescribeRouteTables", set("routeTableSet",
                        Ec2Xml.routeTable(PRIVATE_ROUTES, VPC, "", Ec2Xml.association("rtbassoc-0p", PRIVATE_ROUTES,
                                PRIVATE_SUBNET)))));
    }

    private void stubContainers() {
        baseline(json("ecr", "DescribeRepositories"), jsonError(400, "RepositoryNotFoundException",
                "The repository with name 'x' does not exist in the registry with id '" + ACCOUNT + "'"));
        baseline(json("ecr", "CreateRepository"), templated("""
                {"repository":{"repositoryName":"{{jsonPath request.body '$.repositoryName'}}",\
                "repositoryArn":"arn:aws:ecr:%1$s:%2$s:repository/{{jsonPath request.body '$.repositoryName'}}",\
                "repositoryUri":"%2$s.dkr.ecr.%1$s.amazonaws.com/{{jsonPath request.body '$.repositoryName'}}",\
                "imageTagMutability":"{{jsonPath request.body '$.imageTagMutability'}}","registryId":"%2$s"}}"""
                .formatted(REGION, ACCOUNT)));
        // The team has pushed its own image under the tag asked for (tests of a missing tag answer otherwise).
        baseline(json("ecr", "DescribeImages"), templated("""
                {"imageDetails":[{"registryId":"%s","repositoryName":"{{jsonPath request.body '$.repositoryName'}}",\
                "imageDigest":"%s","imageTags":["{{jsonPath request.body '$.imageIds[0].imageTag'}}"],\
                "imageManifestMediaType":"application/vnd.docker.distribution.manifest.v2+json"}]}"""
                .formatted(ACCOUNT, OWN_IMAGE_DIGEST)));
        // ECR's registry login: base64("AWS:<password>"), for the whole registry, valid 12 hours.
        baseline(json("ecr", "GetAuthorizationToken"), jsonOk("""
                {"authorizationData":[{"authorizationToken":"%s","expiresAt":4102444800,\
                "proxyEndpoint":"https://%s.dkr.ecr.%s.amazonaws.com"}]}""".formatted(Base64.getEncoder()
                .encodeToString("AWS:fake-ecr-token".getBytes(StandardCharsets.UTF_8)), ACCOUNT, REGION)));
        baseline(json("ecr", "GetLifecyclePolicy"), jsonError(400, "LifecyclePolicyNotFoundException",
                "Lifecycle policy does not exist for the repository"));
        baseline(json("ecr", "PutLifecyclePolicy"), templated("""
                {"repositoryName":"{{jsonPath request.body '$.repositoryName'}}","registryId":"%s"}"""
                .formatted(ACCOUNT)));
        baseline(json("logs", "DescribeLogGroups"), jsonOk("{\"logGroups\":[]}"));
        baseline(json("logs", "CreateLogGroup"), jsonOk("{}"));
        baseline(json("logs", "PutRetentionPolicy"), jsonOk("{}"));
        baseline(json("ssm", "PutParameter"), jsonOk("{\"Version\":1,\"Tier\":\"Standard\"}"));
        baseline(json("ssm", "AddTagsToResource"), jsonOk("{}"));
        baseline(json("ssm", "DescribeParameters"), templated("""
                {"Parameters":[{"Name":"{{jsonPath request.body '$.ParameterFilters[0].Values[0]'}}",\
                "ARN":"arn:aws:ssm:%s:%s:parameter{{jsonPath request.body '$.ParameterFilters[0].Values[0]'}}",\
                "Type":"SecureString","Version":1}]}""".formatted(REGION, ACCOUNT)));
        baseline(json("ecs", "DescribeClusters"), jsonOk("{\"clusters\":[],\"failures\":[{\"reason\":\"MISSING\"}]}"));
        baseline(json("ecs", "CreateCluster"), templated("""
                {"cluster":{"clusterName":"{{jsonPath request.body '$.clusterName'}}","status":"ACTIVE",\
                "clusterArn":"arn:aws:ecs:%s:%s:cluster/{{jsonPath request.body '$.clusterName'}}"}}"""
                .formatted(REGION, ACCOUNT)));
        baseline(json("ecs", "DescribeTaskDefinition"), jsonError(400, "ClientException",
                "Unable to describe task definition."));
        baseline(json("ecs", "RegisterTaskDefinition"), templated("""
                {"taskDefinition":{"family":"{{jsonPath request.body '$.family'}}","revision":1,"status":"ACTIVE",\
                "taskDefinitionArn":"arn:aws:ecs:%s:%s:task-definition/{{jsonPath request.body '$.family'}}:1"}}"""
                .formatted(REGION, ACCOUNT)));
        baseline(json("ecs", "DescribeServices"), jsonOk("{\"services\":[],\"failures\":[{\"reason\":\"MISSING\"}]}"));
        baseline(json("ecs", "CreateService"), templated("""
                {"service":{"serviceName":"{{jsonPath request.body '$.serviceName'}}","status":"ACTIVE",\
                "serviceArn":"arn:aws:ecs:%s:%s:service/{{jsonPath request.body '$.cluster'}}/\
                {{jsonPath request.body '$.serviceName'}}","desiredCount":{{jsonPath request.body '$.desiredCount'}},\
                "runningCount":0,"pendingCount":0,"taskDefinition":"{{jsonPath request.body '$.taskDefinition'}}"}}"""
                .formatted(REGION, ACCOUNT)));
        baseline(json("servicediscovery", "ListNamespaces"), jsonOk("{\"Namespaces\":[]}"));
        baseline(json("servicediscovery", "CreatePrivateDnsNamespace"), jsonOk("{\"OperationId\":\"op-0ns\"}"));
        baseline(json("servicediscovery", "GetOperation"), jsonOk("""
                {"Operation":{"Id":"op-0ns","Type":"CREATE_NAMESPACE","Status":"SUCCESS",\
                "Targets":{"NAMESPACE":"%s"}}}""".formatted(NAMESPACE)));
        baseline(json("servicediscovery", "ListServices"), jsonOk("{\"Services\":[]}"));
        baseline(json("servicediscovery", "CreateService"), jsonOk("""
                {"Service":{"Id":"srv-0env","Arn":"%s","Name":"mcp","NamespaceId":"%s"}}"""
                .formatted(CLOUD_MAP_SERVICE_ARN, NAMESPACE)));
        baseline(json("tagging", "GetResources"), jsonOk("{\"ResourceTagMappingList\":[]}"));
    }

    private void stubIngress() {
        baseline(rest("GET", "/v2/vpclinks"), restOk(200, "{\"items\":[]}"));
        baseline(rest("POST", "/v2/vpclinks"), restOk(201, """
                {"vpcLinkId":"%s","name":"link","vpcLinkStatus":"PENDING"}""".formatted(VPC_LINK)));
        baseline(rest("GET", "/v2/vpclinks/[^/]+"), restOk(200, """
                {"vpcLinkId":"%s","name":"link","vpcLinkStatus":"AVAILABLE"}""".formatted(VPC_LINK)));
        baseline(rest("GET", "/v2/apis"), restOk(200, "{\"items\":[]}"));
        baseline(rest("POST", "/v2/apis"), restOk(201, """
                {"apiId":"%s","apiEndpoint":"%s","name":"api","protocolType":"HTTP"}"""
                .formatted(API, API_ENDPOINT)));
        baseline(rest("GET", "/v2/apis/[^/]+/integrations"), restOk(200, "{\"items\":[]}"));
        baseline(rest("POST", "/v2/apis/[^/]+/integrations"), restOk(201, "{\"integrationId\":\"int0env\"}"));
        baseline(rest("GET", "/v2/apis/[^/]+/routes"), restOk(200, "{\"items\":[]}"));
        baseline(rest("POST", "/v2/apis/[^/]+/routes"), restOk(201,
                "{\"routeId\":\"rt0env\",\"routeKey\":\"ANY /{proxy+}\",\"target\":\"integrations/int0env\"}"));
        baseline(rest("GET", "/v2/apis/[^/]+/stages"), restOk(200, "{\"items\":[]}"));
        baseline(rest("POST", "/v2/apis/[^/]+/stages"), restOk(201,
                "{\"stageName\":\"$default\",\"autoDeploy\":true}"));
    }

    private void stubIdentity() {
        baseline(query("sts", "GetCallerIdentity"), queryOk(STS_NS, "GetCallerIdentity",
                "<Arn>arn:aws:iam::" + ACCOUNT + ":user/portal</Arn><UserId>AIDAPORTAL</UserId><Account>" + ACCOUNT
                        + "</Account>"));
        baseline(query("iam", "GetRole"), queryError(404, "NoSuchEntity", "The role cannot be found."));
        for (String arn : new String[] {EXECUTION_ROLE_ARN, TASK_ROLE_ARN}) {
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            baseline(query("iam", "CreateRole").withFormParam("RoleName", equalTo(name)),
                    queryOk(IAM_NS, "CreateRole", role(arn, false)));
        }
        baseline(query("iam", "PutRolePermissionsBoundary"), queryOk(IAM_NS, "PutRolePermissionsBoundary", ""));
        baseline(query("iam", "AttachRolePolicy"), queryOk(IAM_NS, "AttachRolePolicy", ""));
        baseline(query("iam", "PutRolePolicy"), queryOk(IAM_NS, "PutRolePolicy", ""));
    }

    /** IAM's {@code <Role>} for one of the task roles, with or without the boundary. */
    public static String role(String arn, boolean bounded) {
        return "<Role><Path>/mcp-portal/</Path><RoleName>" + arn.substring(arn.lastIndexOf('/') + 1)
                + "</RoleName><RoleId>AROAFAKE</RoleId><Arn>" + arn + "</Arn><CreateDate>2026-01-01T00:00:00Z"
                + "</CreateDate>" + (bounded ? "<PermissionsBoundary><PermissionsBoundaryType>Policy"
                + "</PermissionsBoundaryType><PermissionsBoundaryArn>" + BOUNDARY_ARN + "</PermissionsBoundaryArn>"
                + "</PermissionsBoundary>" : "") + "</Role>";
    }

    private void ec2Empty(String action, String setName) {
        ec2Answer(action, "<" + setName + "/>");
    }

    private void ec2Answer(String action, String inner) {
        ec2Answer(ec2(action), action, inner);
    }

    private void ec2Answer(MappingBuilder call, String action, String inner) {
        // A stub narrowed by a body condition must win over the plain one for the same action.
        boolean narrowed = call.build().getRequest().getBodyPatterns() != null;
        fake.stub(call, AwsFake.BASELINE_PRIORITY - (narrowed ? 1 : 0), ec2Ok(action, inner));
    }

    private void baseline(MappingBuilder call, ResponseDefinitionBuilder answer) {
        fake.stub(call, AwsFake.BASELINE_PRIORITY, answer);
    }

    private static ResponseDefinitionBuilder templated(String body) {
        return jsonOk(body).withTransformers("response-template");
    }

    private static String inner(String item) {
        return item.substring("<item>".length(), item.length() - "</item>".length());
    }
}
