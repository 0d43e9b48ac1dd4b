package com.mcpportal.portal.environment.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.aws.AwsClients;
import com.mcpportal.portal.environment.CloudResources;

import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A provisioned environment read back from the (emulated) account with the SDK, checked against the design
 * (DESIGN.md): VPC with DNS, one public and one private subnet in one zone, the private default route through the
 * NAT instance (t4g.nano, arm64 AMI, public subnet, source/dest check off, IMDSv2), security groups admitting the
 * VPC only, ECR keeping five images, the log retention, SecureStrings, the task definition, the service in the
 * private subnet without a public IP, and API Gateway through a VPC link to Cloud Map.
 */
final class ProvisionedLayout {

    private ProvisionedLayout() {
    }

    static void assertBuiltAsDesigned(AwsClients aws, EnvironmentRef env, CloudResources resources, String apiKey) {
        var network = resources.network();
        assertThat(aws.ec2().describeVpcAttribute(r -> r.vpcId(network.vpcId())
                .attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport().value()).isTrue();
        assertThat(aws.ec2().describeVpcAttribute(r -> r.vpcId(network.vpcId())
                .attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value()).isTrue();
        var subnets = aws.ec2().describeSubnets(r -> r.subnetIds(network.publicSubnetId(), network.privateSubnetId()))
                .subnets();
        assertThat(subnets).extracting(s -> s.availabilityZone()).containsOnly(network.availabilityZone());
        assertThat(subnets).extracting(s -> s.vpcId()).containsOnly(network.vpcId());

        var routes = aws.ec2().describeRouteTables(r -> r.routeTableIds(network.publicRouteTableId(),
                network.privateRouteTableId())).routeTables();
        assertThat(defaultRoute(routes, network.publicRouteTableId()).gatewayId()).isEqualTo(network.internetGatewayId());
        assertThat(defaultRoute(routes, network.privateRouteTableId()).networkInterfaceId())
                .isEqualTo(resources.nat().networkInterfaceId());

        Instance nat = natInstance(aws, resources);
        assertThat(nat.instanceTypeAsString()).isEqualTo("t4g.nano");
        assertThat(nat.subnetId()).isEqualTo(network.publicSubnetId());
        assertThat(nat.sourceDestCheck()).isFalse();
        assertThat(nat.metadataOptions().httpTokensAsString()).isEqualTo("required");
        assertThat(aws.ec2().describeImages(r -> r.imageIds(nat.imageId())).images().get(0).architectureAsString())
                .isEqualTo("arm64");

        var groups = aws.ec2().describeSecurityGroups(r -> r.groupIds(network.serviceSecurityGroupId(),
                resources.nat().securityGroupId())).securityGroups();
        assertThat(groups).flatExtracting(g -> g.ipPermissions()).flatExtracting(p -> p.ipRanges())
                .extracting(range -> range.cidrIp()).containsOnly(network.vpcCidr());
        assertThat(groups).filteredOn(g -> g.groupId().equals(network.serviceSecurityGroupId()))
                .flatExtracting(g -> g.ipPermissions()).singleElement()
                .satisfies(p -> assertThat(p.fromPort()).isEqualTo(8080));

        assertThat(aws.ecr().getLifecyclePolicy(r -> r.repositoryName(env.resourceName())).lifecyclePolicyText())
                .contains("\"countNumber\":5", "imageCountMoreThan");
        assertThat(aws.logs().describeLogGroups(r -> r.logGroupNamePrefix(resources.logGroup().name())).logGroups()
                .get(0).retentionInDays()).isEqualTo(7);
        assertThat(aws.ssm().describeParameters(r -> r.parameterFilters(f -> f.key("Path").option("Recursive")
                .values("/mcp-portal/" + env.resourceName()))).parameters())
                .extracting(p -> p.typeAsString()).containsOnly("SecureString").hasSize(2);
        assertThat(aws.ssm().getParameter(r -> r.name(resources.apiKeySecret().name()).withDecryption(true))
                .parameter().value()).isEqualTo(apiKey);

        TaskDefinition task = aws.ecs().describeTaskDefinition(r -> r.taskDefinition(resources.taskDefinition()
                .arn())).taskDefinition();
        assertThat(task.cpu()).isEqualTo("256");
        assertThat(task.memory()).isEqualTo("512");
        assertThat(task.runtimePlatform().cpuArchitectureAsString()).isEqualTo("ARM64");
        assertThat(task.requiresCompatibilitiesAsStrings()).containsExactly("FARGATE");
        ContainerDefinition container = task.containerDefinitions().get(0);
        assertThat(container.secrets()).singleElement().satisfies(secret -> {
            assertThat(secret.name()).isEqualTo("ELEVENLABS_API_KEY");
            assertThat(secret.valueFrom()).isEqualTo(resources.apiKeySecret().name());
        });
        assertThat(container.logConfiguration().options()).containsEntry("awslogs-group", resources.logGroup().name())
                .containsEntry("awslogs-region", env.target().region());

        Service service = service(aws, env);
        var placement = service.networkConfiguration().awsvpcConfiguration();
        assertThat(placement.subnets()).containsExactly(network.privateSubnetId());
        assertThat(placement.assignPublicIpAsString()).isEqualTo("DISABLED");
        assertThat(service.serviceRegistries()).singleElement()
                .satisfies(registry -> assertThat(registry.registryArn()).isEqualTo(resources.discovery().serviceArn()));

        var link = aws.apiGateway().getVpcLink(r -> r.vpcLinkId(resources.ingress().vpcLinkId()));
        assertThat(link.subnetIds()).containsExactly(network.privateSubnetId());
        String apiId = resources.ingress().apiId();
        assertThat(aws.apiGateway().getIntegrations(r -> r.apiId(apiId)).items()).singleElement().satisfies(i -> {
            assertThat(i.connectionTypeAsString()).isEqualTo("VPC_LINK");
            assertThat(i.connectionId()).isEqualTo(link.vpcLinkId());
            assertThat(i.integrationUri()).isEqualTo(resources.discovery().serviceArn());
        });
        assertThat(aws.apiGateway().getRoutes(r -> r.apiId(apiId)).items()).extracting(r -> r.routeKey())
                .containsExactly("ANY /{proxy+}");
        assertThat(aws.apiGateway().getStages(r -> r.apiId(apiId)).items()).singleElement()
                .satisfies(stage -> assertThat(stage.autoDeploy()).isTrue());
        assertThat(aws.cloudMap().getNamespace(r -> r.id(resources.discovery().namespaceId())).namespace()
                .properties().dnsProperties().hostedZoneId()).isNotBlank();
    }

    static Instance natInstance(AwsClients aws, CloudResources resources) {
        return aws.ec2().describeInstances(r -> r.instanceIds(resources.nat().instanceId())).reservations().get(0)
                .instances().get(0);
    }

    static Service service(AwsClients aws, EnvironmentRef env) {
        return aws.ecs().describeServices(r -> r.cluster(env.resourceName()).services(env.resourceName())).services()
                .get(0);
    }

    private static Route defaultRoute(List<RouteTable> tables, String tableId) {
        return tables.stream().filter(t -> t.routeTableId().equals(tableId)).findFirst().orElseThrow().routes()
                .stream().filter(route -> "0.0.0.0/0".equals(route.destinationCidrBlock())).findFirst().orElseThrow();
    }
}
