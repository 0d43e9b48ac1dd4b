package com.mcpportal.portal.cloud.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Error;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Ok;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonError;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.rest;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.restError;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.restOk;
import static com.mcpportal.portal.cloud.aws.fake.Ec2Xml.set;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.ActualState;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.ServiceCounts;
import com.mcpportal.portal.cloud.TaggedResource;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.Ec2Xml;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

/** Tear-down in reverse order; "not found" counts as done, so every delete can run again. */
class AwsDeprovisionTests {

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;

    private CloudProvider cloud() {
        return fake.provider();
    }

    @Test
    void deletesTheNetworkDependantsFirst() {
        fake.answer(ec2("DescribeSecurityGroups"), ec2Ok("DescribeSecurityGroups", set("securityGroupInfo",
                Ec2Xml.securityGroup("sg-0svc", "vpc-0env", "tcp", 8080, "10.0.0.0/16"))));
        fake.answer(ec2("DescribeRouteTables"), ec2Ok("DescribeRouteTables", set("routeTableSet",
                Ec2Xml.routeTable("rtb-0pub", "vpc-0env", Ec2Xml.route("0.0.0.0/0", "igw-0env"),
                        Ec2Xml.association("rtbassoc-1", "rtb-0pub", "subnet-0pub")))));
        fake.answer(ec2("DescribeInternetGateways"), ec2Ok("DescribeInternetGateways",
                set("internetGatewaySet", Ec2Xml.internetGateway("igw-0env", "vpc-0env"))));
        fake.answer(ec2("DescribeSubnets"), ec2Ok("DescribeSubnets", set("subnetSet",
                Ec2Xml.subnet("subnet-0pub", "vpc-0env", "10.0.0.0/24", "us-east-1a"),
                Ec2Xml.subnet("subnet-0priv", "vpc-0env", "10.0.1.0/24", "us-east-1a"))));
        fake.answer(ec2("DescribeVpcs"), ec2Ok("DescribeVpcs", set("vpcSet", Ec2Xml.vpc("vpc-0env", "10.0.0.0/16"))));
        for (String action : new String[] {"DeleteSecurityGroup", "DisassociateRouteTable", "DeleteRouteTable",
                "DetachInternetGateway", "DeleteInternetGateway", "DeleteSubnet", "DeleteVpc"}) {
            fake.answer(ec2(action), ec2Ok(action, Ec2Xml.ok()));
        }

        cloud().deleteNetwork(env);

        assertThat(fake.actions()).filteredOn(a -> !a.contains(":Describe")).containsExactly(
                "ec2:DeleteSecurityGroup", "ec2:DisassociateRouteTable", "ec2:DeleteRouteTable",
                "ec2:DetachInternetGateway", "ec2:DeleteInternetGateway", "ec2:DeleteSubnet", "ec2:DeleteSubnet",
                "ec2:DeleteVpc");
        assertThat(fake.onlyCall("ec2:DeleteVpc").param("VpcId")).isEqualTo("vpc-0env");
        assertThat(fake.calls("ec2:DescribeVpcs").get(0).form())
                .containsEntry("Filter.1.Name", "tag:mcp-portal:environment-id").doesNotContainKey("Filter.2.Name");
    }

    @Test
    void aNetworkThatIsAlreadyGoneNeedsNoDelete() {
        cloud().deleteNetwork(env);

        assertThat(fake.actions()).allMatch(a -> a.startsWith("ec2:Describe"));
    }

    @Test
    void terminatesTheNatCancellingItsSpotRequestAndWaitsBeforeDeletingItsGroup() {
        String spotNat = Ec2Xml.instance("i-0nat", "stopped", false, "eni-0nat")
                .replace("<instanceType>", "<spotInstanceRequestId>sir-0nat</spotInstanceRequestId><instanceType>");
        fake.answer(ec2("DescribeInstances"),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(spotNat)),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "shutting-down", false, "e"))),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "terminated", false, "e"))));
        fake.answer(ec2("CancelSpotInstanceRequests"), ec2Ok("CancelSpotInstanceRequests",
                set("spotInstanceRequestSet", "<item><spotInstanceRequestId>sir-0nat</spotInstanceRequestId>"
                        + "<state>cancelled</state></item>")));
        fake.answer(ec2("TerminateInstances"), ec2Ok("TerminateInstances",
                Ec2Xml.stateChange("i-0nat", "shutting-down", "stopped")));
        fake.answer(ec2("DescribeSecurityGroups"), ec2Ok("DescribeSecurityGroups", set("securityGroupInfo",
                Ec2Xml.securityGroup("sg-0nat", "vpc-0env", "-1", null, "10.0.0.0/16"))));
        fake.answer(ec2("DeleteSecurityGroup"), ec2Ok("DeleteSecurityGroup", Ec2Xml.ok()));

        cloud().deleteNatInstance(env);

        assertThat(fake.actions()).containsSubsequence("ec2:CancelSpotInstanceRequests", "ec2:TerminateInstances",
                "ec2:DescribeInstances", "ec2:DescribeInstances", "ec2:DeleteSecurityGroup");
        assertThat(fake.onlyCall("ec2:DeleteSecurityGroup").param("GroupId")).isEqualTo("sg-0nat");
    }

    @Test
    void removesTheIngressAndWaitsUntilTheVpcLinkIsGone() {
        fake.answer(rest("GET", "/v2/apis"), restOk(200, """
                {"items":[{"apiId":"api0env","name":"mcp-env1",
                           "tags":{"mcp-portal:environment-id":"env1","mcp-portal:component":"http-api"}}]}"""));
        fake.answer(rest("GET", "/v2/vpclinks"), restOk(200, """
                {"items":[{"vpcLinkId":"vl0env","name":"mcp-env1","vpcLinkStatus":"AVAILABLE",
                           "tags":{"mcp-portal:environment-id":"env1","mcp-portal:component":"vpc-link"}}]}"""));
        fake.answer(rest("DELETE", "/v2/apis/api0env"), restOk(204, ""));
        fake.answer(rest("DELETE", "/v2/vpclinks/vl0env"), restOk(202, "{}"));
        fake.answer(rest("GET", "/v2/vpclinks/vl0env"),
                restOk(200, "{\"vpcLinkId\":\"vl0env\",\"vpcLinkStatus\":\"DELETING\"}"),
                restError(404, "NotFoundException", "Invalid VpcLink identifier specified"));

        cloud().deleteIngress(env);

        assertThat(fake.actions()).containsSubsequence("apigateway:DELETE /v2/apis/api0env",
                "apigateway:DELETE /v2/vpclinks/vl0env", "apigateway:GET /v2/vpclinks/vl0env",
                "apigateway:GET /v2/vpclinks/vl0env");
    }

    @Test
    void deletesTheServiceAndWaitsUntilItIsInactive() {
        fake.answer(json("ecs", "DescribeServices"),
                jsonOk("{\"services\":[{\"serviceName\":\"mcp-env1\",\"status\":\"ACTIVE\",\"desiredCount\":1}]}"),
                jsonOk("{\"services\":[{\"serviceName\":\"mcp-env1\",\"status\":\"DRAINING\",\"desiredCount\":0}]}"),
                jsonOk("{\"services\":[{\"serviceName\":\"mcp-env1\",\"status\":\"INACTIVE\",\"desiredCount\":0}]}"));
        fake.answer(json("ecs", "DeleteService"), jsonOk("{\"service\":{\"serviceName\":\"mcp-env1\"}}"));
        // A registered target (the CPU autoscaling of a past start), gone by the time it is deregistered.
        fake.answer(json("application-autoscaling", "DescribeScalableTargets"), jsonOk("{\"ScalableTargets\":[{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/mcp-env1/mcp-env1\","
                + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":0,\"MaxCapacity\":4}]}"));
        fake.answer(json("application-autoscaling", "DeregisterScalableTarget"), AwsFake.jsonError(400,
                "ObjectNotFoundException", "No scalable target registered for service namespace: ecs"));

        cloud().deleteService(env);

        assertThat(fake.onlyCall("ecs:DeleteService").json().get("force").asBoolean()).isTrue();
        assertThat(fake.calls("ecs:DescribeServices")).hasSize(3);
        assertThat(fake.onlyCall("application-autoscaling:DeregisterScalableTarget").json().get("ResourceId")
                .asString()).as("its CPU autoscaling first (none here: done)").isEqualTo("service/mcp-env1/mcp-env1");
        assertThat(fake.actions()).containsSubsequence("application-autoscaling:DescribeScalableTargets",
                "application-autoscaling:DeregisterScalableTarget", "ecs:DeleteService");
    }

    @Test
    void deregistersAndDeletesOnlyThisEnvironmentsTaskDefinitionsThenTheCluster() {
        fake.answer(json("ecs", "ListTaskDefinitions").withRequestBody(containing("\"ACTIVE\"")),
                jsonOk("""
                        {"taskDefinitionArns":["arn:aws:ecs:us-east-1:1:task-definition/mcp-env1:1",
                                               "arn:aws:ecs:us-east-1:1:task-definition/mcp-env10:4"]}"""));
        fake.answer(json("ecs", "ListTaskDefinitions").withRequestBody(containing("INACTIVE")),
                jsonOk("{\"taskDefinitionArns\":[\"arn:aws:ecs:us-east-1:1:task-definition/mcp-env1:1\"]}"));
        fake.answer(json("ecs", "DeregisterTaskDefinition"), jsonOk("{\"taskDefinition\":{}}"));
        fake.answer(json("ecs", "DeleteTaskDefinitions"), jsonOk("{\"taskDefinitions\":[],\"failures\":[]}"));
        fake.answer(json("ecs", "DeleteCluster"), jsonOk("{\"cluster\":{\"clusterName\":\"mcp-env1\"}}"));

        cloud().deleteCluster(env);

        assertThat(fake.onlyCall("ecs:DeregisterTaskDefinition").json().get("taskDefinition").asString())
                .endsWith("mcp-env1:1");
        assertThat(fake.onlyCall("ecs:DeleteTaskDefinitions").json().get("taskDefinitions").get(0).asString())
                .endsWith("mcp-env1:1");
        assertThat(fake.onlyCall("ecs:DeleteCluster").json().get("cluster").asString()).isEqualTo("mcp-env1");
    }

    @Test
    void aClusterThatIsAlreadyGoneCountsAsDeleted() {
        fake.answer(json("ecs", "ListTaskDefinitions"), jsonOk("{\"taskDefinitionArns\":[]}"));
        fake.answer(json("ecs", "DeleteCluster"), jsonError(400, "ClusterNotFoundException", "Cluster not found."));

        cloud().deleteCluster(env);

        assertThat(fake.calls("ecs:DeleteCluster")).hasSize(1);
    }

    @Test
    void deletesTheCloudMapServiceThenItsNamespace() {
        fake.answer(json("servicediscovery", "ListNamespaces"), jsonOk("""
                {"Namespaces":[{"Id":"ns-0env","Name":"mcp-env1.internal","Type":"DNS_PRIVATE"}]}"""));
        fake.answer(json("servicediscovery", "ListServices"), jsonOk("""
                {"Services":[{"Id":"srv-0env","Arn":"arn","Name":"mcp"}]}"""));
        fake.answer(json("servicediscovery", "DeleteService"), jsonOk("{}"));
        fake.answer(json("servicediscovery", "DeleteNamespace"), jsonOk("{\"OperationId\":\"op-del\"}"));

        cloud().deleteServiceDiscovery(env);

        assertThat(fake.actions()).containsSubsequence("servicediscovery:DeleteService",
                "servicediscovery:DeleteNamespace", "servicediscovery:GetOperation");
        assertThat(fake.onlyCall("servicediscovery:DeleteNamespace").json().get("Id").asString()).isEqualTo("ns-0env");
    }

    @Test
    void repositoryLogsAndSecretsThatAreGoneCountAsDeleted() {
        fake.answer(json("ecr", "DeleteRepository"), jsonError(400, "RepositoryNotFoundException", "gone"));
        fake.answer(json("logs", "DeleteLogGroup"), jsonError(400, "ResourceNotFoundException",
                "The specified log group does not exist."));
        fake.answer(json("ssm", "DescribeParameters"), jsonOk("{\"Parameters\":[]}"));

        cloud().deleteRepository(env);
        cloud().deleteLogGroup(env);
        cloud().deleteSecrets(env);

        assertThat(fake.onlyCall("ecr:DeleteRepository").json().get("force").asBoolean()).isTrue();
        assertThat(fake.actions()).doesNotContain("ssm:DeleteParameters");
    }

    @Test
    void deletesEverySecretUnderTheEnvironmentsPath() {
        fake.answer(json("ssm", "DescribeParameters"), jsonOk("""
                {"Parameters":[{"Name":"/mcp-portal/mcp-env1/elevenlabs-api-key"},
                               {"Name":"/mcp-portal/mcp-env1/key-set"}]}"""));
        fake.answer(json("ssm", "DeleteParameters"), jsonOk("{\"DeletedParameters\":[],\"InvalidParameters\":[]}"));

        cloud().deleteSecrets(env);

        var describe = fake.onlyCall("ssm:DescribeParameters").json().get("ParameterFilters").get(0);
        assertThat(describe.get("Key").asString()).isEqualTo("Path");
        assertThat(describe.get("Option").asString()).isEqualTo("Recursive");
        assertThat(describe.get("Values").get(0).asString()).isEqualTo("/mcp-portal/mcp-env1");
        assertThat(fake.onlyCall("ssm:DeleteParameters").json().get("Names")).hasSize(2);
    }

    @Test
    void listsWhatIsStillTaggedWithTheEnvironmentAndStillExists() {
        fake.answer(json("tagging", "GetResources"), jsonOk("""
                {"ResourceTagMappingList":[
                  {"ResourceARN":"arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0env","Tags":[]},
                  {"ResourceARN":"arn:aws:logs:us-east-1:123456789012:log-group:/mcp-portal/mcp-env1","Tags":[]}]}"""));
        fake.answer(ec2("DescribeVpcs"), ec2Ok("DescribeVpcs", set("vpcSet", Ec2Xml.vpc("vpc-0env", "10.0.0.0/16"))));
        fake.answer(json("logs", "DescribeLogGroups"), jsonOk("""
                {"logGroups":[{"logGroupName":"/mcp-portal/mcp-env1","retentionInDays":7}]}"""));

        assertThat(cloud().remainingResources(env)).containsExactly(
                new TaggedResource("arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0env", "ec2"),
                new TaggedResource("arn:aws:logs:us-east-1:123456789012:log-group:/mcp-portal/mcp-env1", "logs"));
        var filter = fake.onlyCall("tagging:GetResources").json().get("TagFilters").get(0);
        assertThat(filter.get("Key").asString()).isEqualTo("mcp-portal:environment-id");
        assertThat(filter.get("Values").get(0).asString()).isEqualTo("env1");
        assertThat(fake.onlyCall("ec2:DescribeVpcs").param("VpcId.1")).isEqualTo("vpc-0env");
    }

    @Test
    void whatTheTaggingApiStillListsAfterACleanDeprovisionIsConfirmedGoneWithEachService() {
        // Real AWS lists a terminated instance for about an hour, and INACTIVE ECS clusters, services and task
        // definitions, deleted parameters, repositories, log groups and API Gateway resources for a while too.
        fake.answer(json("tagging", "GetResources"), jsonOk("""
                {"ResourceTagMappingList":[
                  {"ResourceARN":"arn:aws:ec2:us-east-1:123456789012:instance/i-0nat"},
                  {"ResourceARN":"arn:aws:ec2:us-east-1:123456789012:volume/vol-0nat"},
                  {"ResourceARN":"arn:aws:ec2:us-east-1:123456789012:network-interface/eni-0nat"},
                  {"ResourceARN":"arn:aws:ecs:us-east-1:123456789012:cluster/mcp-env1"},
                  {"ResourceARN":"arn:aws:ecs:us-east-1:123456789012:service/mcp-env1/mcp-env1"},
                  {"ResourceARN":"arn:aws:ecs:us-east-1:123456789012:task/mcp-env1/0f1e2d"},
                  {"ResourceARN":"arn:aws:ecs:us-east-1:123456789012:task-definition/mcp-env1:1"},
                  {"ResourceARN":"arn:aws:ecr:us-east-1:123456789012:repository/mcp-env1"},
                  {"ResourceARN":"arn:aws:logs:us-east-1:123456789012:log-group:/mcp-portal/mcp-env1"},
                  {"ResourceARN":"arn:aws:ssm:us-east-1:123456789012:parameter/mcp-portal/mcp-env1/key-set"},
                  {"ResourceARN":"arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-0env"},
                  {"ResourceARN":"arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0env"},
                  {"ResourceARN":"arn:aws:apigateway:us-east-1::/apis/api0env"},
                  {"ResourceARN":"arn:aws:apigateway:us-east-1::/apis/api0env/stages/$default"},
                  {"ResourceARN":"arn:aws:apigateway:us-east-1::/vpclinks/vl0env"}]}"""));
        fake.answer(ec2("DescribeInstances"), ec2Ok("DescribeInstances",
                Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "terminated", false, "eni-0nat"))));
        fake.answer(ec2("DescribeVolumes"), ec2Error(400, "InvalidVolume.NotFound", "The volume 'vol-0nat' does not exist."));
        fake.answer(ec2("DescribeNetworkInterfaces"), ec2Error(400, "InvalidNetworkInterfaceID.NotFound",
                "The networkInterface ID 'eni-0nat' does not exist"));
        fake.answer(json("ecs", "DescribeClusters"), jsonOk("""
                {"clusters":[{"clusterName":"mcp-env1","status":"INACTIVE"}],"failures":[]}"""));
        fake.answer(json("ecs", "DescribeServices"), jsonOk("""
                {"services":[{"serviceName":"mcp-env1","status":"INACTIVE"}],"failures":[]}"""));
        fake.answer(json("ecs", "DescribeTasks"), jsonOk("""
                {"tasks":[{"taskArn":"arn:aws:ecs:us-east-1:123456789012:task/mcp-env1/0f1e2d","lastStatus":"STOPPED"}]}"""));
        fake.answer(json("ecs", "DescribeTaskDefinition"), jsonOk("""
                {"taskDefinition":{"family":"mcp-env1","revision":1,"status":"DELETE_IN_PROGRESS"}}"""));
        fake.answer(json("ssm", "DescribeParameters"), jsonOk("{\"Parameters\":[]}"));
        fake.answer(rest("GET", "/v2/apis/api0env"), restError(404, "NotFoundException", "Invalid API identifier"));
        fake.answer(rest("GET", "/v2/vpclinks/vl0env"), restError(404, "NotFoundException", "Invalid VpcLink"));

        assertThat(cloud().remainingResources(env)).isEmpty();
    }

    @Test
    void aResourceThatReallyRemainsIsNamedAmongOnesThatAreGone() {
        fake.answer(json("tagging", "GetResources"), jsonOk("""
                {"ResourceTagMappingList":[
                  {"ResourceARN":"arn:aws:ec2:us-east-1:123456789012:instance/i-0nat"},
                  {"ResourceARN":"arn:aws:ecs:us-east-1:123456789012:cluster/mcp-env1"},
                  {"ResourceARN":"arn:aws:ssm:us-east-1:123456789012:parameter/mcp-portal/mcp-env1/key-set"}]}"""));
        fake.answer(ec2("DescribeInstances"), ec2Ok("DescribeInstances",
                Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "stopped", false, "eni-0nat"))));
        fake.answer(json("ecs", "DescribeClusters"), jsonOk("""
                {"clusters":[],"failures":[{"arn":"arn:aws:ecs:us-east-1:123456789012:cluster/mcp-env1","reason":"MISSING"}]}"""));
        fake.answer(json("ssm", "DescribeParameters"), jsonOk("""
                {"Parameters":[{"Name":"/mcp-portal/mcp-env1/key-set","Type":"SecureString"}]}"""));

        assertThat(cloud().remainingResources(env)).extracting(TaggedResource::arn).containsExactly(
                "arn:aws:ec2:us-east-1:123456789012:instance/i-0nat",
                "arn:aws:ssm:us-east-1:123456789012:parameter/mcp-portal/mcp-env1/key-set");
        var byName = fake.onlyCall("ssm:DescribeParameters").json().get("ParameterFilters").get(0);
        assertThat(byName.get("Key").asString()).isEqualTo("Name");
        assertThat(byName.get("Values").get(0).asString()).isEqualTo("/mcp-portal/mcp-env1/key-set");
    }

    @Test
    void describesWhatActuallyRunsForDriftChecks() {
        fake.answer(ec2("DescribeInstances"), ec2Ok("DescribeInstances",
                Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "stopped", false, "eni-0nat"))));
        fake.answer(json("ecs", "DescribeServices"), jsonOk("""
                {"services":[{"serviceName":"mcp-env1","status":"ACTIVE","desiredCount":1,"runningCount":0,
                              "pendingCount":1}]}"""));

        assertThat(cloud().describe(env)).isEqualTo(new ActualState(NatState.STOPPED,
                new ServiceCounts("ACTIVE", 1, 0, 1)));
    }

    @Test
    void anEnvironmentWithNothingDeployedDescribesAsNone() {
        fake.answer(json("ecs", "DescribeServices"), jsonError(400, "ClusterNotFoundException", "Cluster not found."));

        assertThat(cloud().describe(env)).isEqualTo(new ActualState(NatState.NONE, ServiceCounts.MISSING));
    }
}
