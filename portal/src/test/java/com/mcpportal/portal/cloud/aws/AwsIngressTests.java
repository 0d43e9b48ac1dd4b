package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.AwsRegistryLogsAndSecretsTests.tags;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.rest;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.restOk;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.ServiceDiscovery;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

import tools.jackson.databind.JsonNode;

class AwsIngressTests {

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;

    private CloudProvider cloud() {
        return fake.provider();
    }
    private final Network network = EmptyAccount.network();
    private final ServiceDiscovery discovery = EmptyAccount.discovery();

    @Test
    void createsAPrivateDnsNamespaceInTheVpcAndAnSrvService() {
        ServiceDiscovery created = cloud().ensureServiceDiscovery(env, network);

        JsonNode namespace = fake.onlyCall("servicediscovery:CreatePrivateDnsNamespace").json();
        assertThat(namespace.get("Name").asString()).isEqualTo("mcp-env1.internal");
        assertThat(namespace.get("Vpc").asString()).isEqualTo(EmptyAccount.VPC);
        assertThat(tags(namespace.get("Tags"), "Key", "Value")).containsEntry("mcp-portal:environment-id", "env1");
        assertThat(fake.onlyCall("servicediscovery:GetOperation").json().get("OperationId").asString())
                .isEqualTo("op-0ns");
        JsonNode service = fake.onlyCall("servicediscovery:CreateService").json();
        assertThat(service.get("NamespaceId").asString()).isEqualTo(EmptyAccount.NAMESPACE);
        // API Gateway needs the port, which only SRV records carry.
        assertThat(service.get("DnsConfig").get("DnsRecords").get(0).get("Type").asString()).isEqualTo("SRV");
        assertThat(created.serviceArn()).isEqualTo(EmptyAccount.CLOUD_MAP_SERVICE_ARN);
        assertThat(fake.actions()).as("a new namespace has no service to look for")
                .doesNotContain("servicediscovery:ListServices");
        // Looked up by name: one page however many namespaces the account has.
        JsonNode filters = fake.onlyCall("servicediscovery:ListNamespaces").json().get("Filters");
        assertThat(filters.valueStream().map(f -> f.get("Name").asString() + " " + f.get("Condition").asString() + " "
                + f.get("Values").get(0).asString())).containsExactlyInAnyOrder("TYPE EQ DNS_PRIVATE",
                        "NAME EQ mcp-env1.internal");
    }

    @Test
    void reusesTheNamespaceAndServiceFoundByName() {
        fake.answer(json("servicediscovery", "ListNamespaces"), jsonOk("""
                {"Namespaces":[{"Id":"ns-other","Name":"mcp-env10.internal","Type":"DNS_PRIVATE"},
                               {"Id":"ns-0old","Name":"mcp-env1.internal","Type":"DNS_PRIVATE"}]}"""));
        fake.answer(json("servicediscovery", "ListServices"), jsonOk("""
                {"Services":[{"Id":"srv-0old","Arn":"arn:aws:servicediscovery:us-east-1:1:service/srv-0old","Name":"mcp"}]}"""));

        ServiceDiscovery found = cloud().ensureServiceDiscovery(env, network);

        assertThat(found.namespaceId()).isEqualTo("ns-0old");
        assertThat(found.serviceId()).isEqualTo("srv-0old");
        assertThat(fake.actions()).containsExactly("servicediscovery:ListNamespaces", "servicediscovery:ListServices");
    }

    @Test
    void createsAnHttpApiWithAVpcLinkToTheCloudMapServiceAndAnAutoDeployedDefaultStage() {
        Ingress ingress = cloud().ensureIngress(env, network, discovery);

        JsonNode link = fake.onlyCall("apigateway:POST /v2/vpclinks").json();
        assertThat(link.get("subnetIds").get(0).asString()).isEqualTo(EmptyAccount.PRIVATE_SUBNET);
        assertThat(link.get("securityGroupIds").get(0).asString()).isEqualTo(EmptyAccount.SERVICE_GROUP);
        assertThat(link.get("tags").get("mcp-portal:environment-id").asString()).isEqualTo("env1");
        assertThat(fake.actions()).contains("apigateway:GET /v2/vpclinks/" + EmptyAccount.VPC_LINK);
        JsonNode api = fake.onlyCall("apigateway:POST /v2/apis").json();
        assertThat(api.get("protocolType").asString()).isEqualTo("HTTP");
        assertThat(api.get("tags").get("mcp-portal:environment-id").asString()).isEqualTo("env1");
        JsonNode integration = fake.onlyCall("apigateway:POST /v2/apis/api0env/integrations").json();
        assertThat(integration.get("integrationType").asString()).isEqualTo("HTTP_PROXY");
        assertThat(integration.get("connectionType").asString()).isEqualTo("VPC_LINK");
        assertThat(integration.get("connectionId").asString()).isEqualTo(EmptyAccount.VPC_LINK);
        assertThat(integration.get("integrationUri").asString()).isEqualTo(EmptyAccount.CLOUD_MAP_SERVICE_ARN);
        assertThat(integration.get("integrationMethod").asString()).isEqualTo("ANY");
        JsonNode route = fake.onlyCall("apigateway:POST /v2/apis/api0env/routes").json();
        assertThat(route.get("routeKey").asString()).isEqualTo("ANY /{proxy+}");
        assertThat(route.get("target").asString()).isEqualTo("integrations/int0env");
        JsonNode stage = fake.onlyCall("apigateway:POST /v2/apis/api0env/stages").json();
        assertThat(stage.get("stageName").asString()).isEqualTo("$default");
        assertThat(stage.get("autoDeploy").asBoolean()).isTrue();
        assertThat(ingress.mcpUrl()).isEqualTo("https://api0env.execute-api.us-east-1.amazonaws.com/mcp");
        assertThat(fake.actions()).as("a new API has no integration, route or stage to ask for").doesNotContain(
                "apigateway:GET /v2/apis/api0env/integrations", "apigateway:GET /v2/apis/api0env/routes",
                "apigateway:GET /v2/apis/api0env/stages");
    }

    @Test
    void anIngressThatIsAlreadyThereIsReusedWithoutAnyCreate() {
        fake.answer(rest("GET", "/v2/vpclinks"), restOk(200, """
                {"items":[{"vpcLinkId":"vl-other","name":"x","vpcLinkStatus":"AVAILABLE",
                           "tags":{"mcp-portal:environment-id":"env2","mcp-portal:component":"vpc-link"}},
                          {"vpcLinkId":"vl0old","name":"mcp-env1","vpcLinkStatus":"AVAILABLE",
                           "tags":{"mcp-portal:environment-id":"env1","mcp-portal:component":"vpc-link"}}]}"""));
        fake.answer(rest("GET", "/v2/apis"), restOk(200, """
                {"items":[{"apiId":"apiold","name":"mcp-env1","apiEndpoint":"https://apiold.example",
                           "tags":{"mcp-portal:environment-id":"env1","mcp-portal:component":"http-api"}}]}"""));
        fake.answer(rest("GET", "/v2/apis/apiold/integrations"), restOk(200, """
                {"items":[{"integrationId":"intold","connectionId":"vl0old","integrationUri":"%s"}]}"""
                .formatted(EmptyAccount.CLOUD_MAP_SERVICE_ARN)));
        fake.answer(rest("GET", "/v2/apis/apiold/routes"), restOk(200, """
                {"items":[{"routeId":"rtold","routeKey":"ANY /{proxy+}","target":"integrations/intold"}]}"""));
        fake.answer(rest("GET", "/v2/apis/apiold/stages"), restOk(200, """
                {"items":[{"stageName":"$default","autoDeploy":true}]}"""));

        Ingress ingress = cloud().ensureIngress(env, network, discovery);

        assertThat(ingress).isEqualTo(new Ingress("apiold", "vl0old", "intold", "https://apiold.example"));
        assertThat(fake.calls()).allSatisfy(call -> assertThat(call.method()).isEqualTo("GET"));
    }
}
