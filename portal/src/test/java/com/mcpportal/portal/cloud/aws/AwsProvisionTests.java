package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.LogGroup;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.SecretRef;
import com.mcpportal.portal.cloud.ServiceDiscovery;
import com.mcpportal.portal.cloud.ServiceRef;
import com.mcpportal.portal.cloud.ServiceSpec;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.TaskSpec;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;
import com.mcpportal.portal.cloud.aws.fake.ProvisionedAccount;

/** A whole environment provisioned, step by step, in a fresh account: every step creates what it owns once. */
class AwsProvisionTests {

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;

    private CloudProvider cloud() {
        return fake.provider();
    }

    @Test
    void provisionsAWholeEnvironmentInAFreshAccount() {
        Provisioned result = provisionAll();
        Network network = result.network();
        NatInstance nat = result.nat();
        ImageRepository repository = result.repository();
        SecretRef apiKey = result.apiKey();
        TaskDefinitionRef task = result.task();
        ServiceRef service = result.service();
        Ingress ingress = result.ingress();

        assertThat(network.vpcId()).isEqualTo(EmptyAccount.VPC);
        assertThat(network.publicSubnetId()).isEqualTo(EmptyAccount.PUBLIC_SUBNET);
        assertThat(network.privateSubnetId()).isEqualTo(EmptyAccount.PRIVATE_SUBNET);
        assertThat(network.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(nat.instanceId()).isEqualTo(EmptyAccount.NAT_INSTANCE);
        assertThat(nat.networkInterfaceId()).isEqualTo(EmptyAccount.NAT_ENI);
        assertThat(repository.uri()).isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/mcp-env1");
        assertThat(apiKey.name()).isEqualTo("/mcp-portal/mcp-env1/elevenlabs-api-key");
        assertThat(task.arn()).endsWith("task-definition/mcp-env1:1");
        assertThat(service.serviceName()).isEqualTo("mcp-env1");
        assertThat(ingress.mcpUrl()).isEqualTo(EmptyAccount.API_ENDPOINT + "/mcp");

        // One of each resource: nothing created twice.
        assertThat(fake.actions()).filteredOn(a -> a.contains(":Create") || a.contains(":Run")
                        || a.contains(":Register") || a.startsWith("apigateway:POST"))
                .containsExactly("iam:CreateRole", "iam:CreateRole", "ec2:CreateVpc", "ec2:CreateSubnet",
                        "ec2:CreateSubnet", "ec2:CreateInternetGateway", "ec2:CreateRouteTable", "ec2:CreateRoute",
                        "ec2:CreateRouteTable", "ec2:CreateSecurityGroup", "ec2:CreateSecurityGroup",
                        "ec2:RunInstances", "ec2:CreateRoute", "ecr:CreateRepository", "logs:CreateLogGroup",
                        "ecs:CreateCluster", "ecs:RegisterTaskDefinition",
                        "servicediscovery:CreatePrivateDnsNamespace", "servicediscovery:CreateService",
                        "ecs:CreateService", "apigateway:POST /v2/vpclinks", "apigateway:POST /v2/apis",
                        "apigateway:POST /v2/apis/api0env/integrations", "apigateway:POST /v2/apis/api0env/routes",
                        "apigateway:POST /v2/apis/api0env/stages");
        assertThat(fake.calls("iam:CreateRole")).extracting(call -> call.param("RoleName"))
                .containsExactly("mcp-portal-task-execution", "mcp-portal-task");
        assertThat(fake.iamActions()).contains("ec2:RunInstances", "ecs:CreateService", "apigateway:POST",
                "ssm:PutParameter", "iam:CreateRole", "iam:PutRolePolicy");
    }

    @Test
    void provisioningAgainOrResumingAfterACrashFindsEverythingAndCreatesNothing() {
        Provisioned first = provisionAll();
        String specHash = AwsRegistryLogsAndSecretsTests.tags(fake.onlyCall("ecs:RegisterTaskDefinition").json()
                .get("tags"), "key", "value").get("mcp-portal:spec-hash");
        ProvisionedAccount.on(fake, specHash);
        fake.forgetCalls();

        Provisioned again = provisionAll();

        // IAM role policies are put again on purpose (a no-op that heals a crash between create and put).
        assertThat(fake.actions()).filteredOn(a -> !a.startsWith("iam:")).noneMatch(a -> a.contains(":Create") || a.contains(":Run")
                || a.contains(":Register") || a.contains(":Attach") || a.contains(":Associate")
                || a.contains(":Authorize") || a.equals("ec2:ModifyInstanceAttribute") || a.contains(":Update")
                || a.startsWith("apigateway:POST") || a.contains("PutLifecyclePolicy") || a.contains("PutRetention"));
        assertThat(again.network()).isEqualTo(first.network());
        assertThat(again.nat().instanceId()).isEqualTo(first.nat().instanceId());
        assertThat(again.task().arn()).isEqualTo(ProvisionedAccount.TASK_DEFINITION_ARN);
        assertThat(again.ingress()).isEqualTo(first.ingress());
    }

    private record Provisioned(Network network, NatInstance nat, ImageRepository repository, SecretRef apiKey,
            TaskDefinitionRef task, ServiceRef service, Ingress ingress) {
    }

    /** Every provision step, in order, as the environment's provision operation runs them. */
    private Provisioned provisionAll() {
        AccountRoles roles = cloud().ensureAccountRoles(env.target());
        Network network = cloud().ensureNetwork(env, NetworkSpec.defaults());
        NatInstance nat = cloud().ensureNatInstance(env, network, NatSpec.defaults());
        ImageRepository repository = cloud().ensureRepository(env);
        LogGroup logGroup = cloud().ensureLogGroup(env, 7);
        SecretRef apiKey = cloud().putSecret(env, CloudProvider.ELEVENLABS_API_KEY_SECRET, "xi-secret-value");
        SecretRef keySet = cloud().putSecret(env, CloudProvider.KEY_SET_SECRET, "[]");
        String cluster = cloud().ensureCluster(env);
        TaskDefinitionRef task = cloud().registerTaskDefinition(env, new TaskSpec(FargateSize.DEFAULT,
                Architecture.ARM64, repository.uri() + ":latest", network.containerPort(), roles.executionRoleArn(),
                roles.taskRoleArn(), Map.of("ELEVENLABS_API_KEY", apiKey), keySet.name(), List.of("203.0.113.0/24"),
                List.of(network.vpcCidr()), Map.of(), logGroup.name()));
        ServiceDiscovery discovery = cloud().ensureServiceDiscovery(env, network);
        ServiceRef service = cloud().ensureService(env, new ServiceSpec(cluster, task, network, discovery, 1, false));
        Ingress ingress = cloud().ensureIngress(env, network, discovery);

        return new Provisioned(network, nat, repository, apiKey, task, service, ingress);
    }
}
