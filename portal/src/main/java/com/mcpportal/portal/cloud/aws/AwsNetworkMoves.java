package com.mcpportal.portal.cloud.aws;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkMove;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.ServiceDiscovery;
import com.mcpportal.portal.cloud.ServiceRef;
import com.mcpportal.portal.cloud.SharedNetwork;
import com.mcpportal.portal.cloud.StepRetry;
import com.mcpportal.portal.cloud.TaskDefinitionRef;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Moving an environment between its own network and a shared one on AWS (see {@link NetworkMove}): the EC2 parts as
 * provisioning makes them, looked up within their VPC; the ECS service moved with one {@code UpdateService} that
 * carries the new subnet, security group and task definition revision ({@code forceNewDeployment}, so ECS starts new
 * tasks there and stops the old ones once they are healthy, the Cloud Map registration kept: API Gateway's VPC link
 * finds the tasks through Cloud Map's API, not the VPC's DNS); the HTTP API kept with its VPC link replaced.
 */
final class AwsNetworkMoves implements NetworkMove {

    private static final Logger log = LoggerFactory.getLogger(AwsNetworkMoves.class);

    private final AwsClientFactory clients;
    private final StepRetry retry;
    private final NetworkResources networks;
    private final SharedNetworkResources sharedNetworks;
    private final ServiceRollouts rollouts;
    private final IngressResources ingress;

    AwsNetworkMoves(AwsClientFactory clients, StepRetry retry, NetworkResources networks,
            SharedNetworkResources sharedNetworks, ServiceRollouts rollouts, IngressResources ingress) {
        this.clients = clients;
        this.retry = retry;
        this.networks = networks;
        this.sharedNetworks = sharedNetworks;
        this.rollouts = rollouts;
        this.ingress = ingress;
    }

    @Override
    public Network ownNetwork(EnvironmentRef env, NetworkSpec spec) {
        return step("move-own-network", env, () -> networks.ensure(aws(env).ec2(), env, spec));
    }

    @Override
    public Network joinShared(EnvironmentRef env, SharedNetwork network, String privateSubnetCidr,
            String secondPrivateSubnetCidr, int containerPort) {
        return step("move-join-shared-network", env, () -> sharedNetworks.join(aws(env).ec2(), env, network,
                privateSubnetCidr, secondPrivateSubnetCidr, containerPort));
    }

    @Override
    public ServiceRef moveService(EnvironmentRef env, Network network, TaskDefinitionRef taskDefinition) {
        return step("move-service", env, () -> {
            EcsClient ecs = aws(env).ecs();
            String name = env.resourceName();
            Service service = ServiceResources.find(ecs, name, name).filter(s -> "ACTIVE".equals(s.status()))
                    .orElseThrow(() -> new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ecs",
                            "ServiceNotFoundException", "Environment " + env.environmentId() + " has no active ECS"
                                    + " service to move; provision it first", null));
            if (!in(service, network) || !taskDefinition.arn().equals(service.taskDefinition())) {
                ServiceResources.inAnswer(ecs.updateService(r -> r.cluster(name).service(name)
                        .taskDefinition(taskDefinition.arn()).deploymentConfiguration(ServiceResources.DEPLOYMENT)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(network.privateSubnetIds())
                                .securityGroups(network.serviceSecurityGroupId()).assignPublicIp("DISABLED")))
                        .forceNewDeployment(true)).service());
            }
            // The service is on the revision now: this follows the deployment just started (or a resumed one's).
            return rollouts.rollOut(ecs, env, taskDefinition).service();
        });
    }

    /** Whether the service's tasks are placed in the network's private subnets with its security group only. */
    static boolean in(Service service, Network network) {
        AwsVpcConfiguration placement = service.networkConfiguration() == null ? null
                : service.networkConfiguration().awsvpcConfiguration();
        return placement != null && Objects.equals(placement.subnets(), network.privateSubnetIds())
                && Objects.equals(placement.securityGroups(), List.of(network.serviceSecurityGroupId()));
    }

    @Override
    public Ingress moveIngress(EnvironmentRef env, Network network, ServiceDiscovery discovery) {
        return step("move-ingress", env, () -> ingress.move(aws(env).apiGateway(), env, network, discovery));
    }

    @Override
    public void leaveOtherNetworks(EnvironmentRef env, Network kept) {
        step("leave-other-networks", env, () -> {
            networks.deleteOutside(aws(env).ec2(), env, kept.vpcId());
            return null;
        });
    }

    private AwsClients aws(EnvironmentRef env) {
        return clients.clientsFor(env.target());
    }

    private <T> T step(String name, EnvironmentRef env, Supplier<T> body) {
        T result = retry.run(name, () -> {
            try {
                return body.get();
            } catch (SdkException e) {
                CloudException failure = AwsErrors.translate(e, name);
                log.warn("environment {}: {} failed ({}): {}", env.environmentId(), name, failure.kind(),
                        failure.getMessage());
                throw failure;
            }
        });
        log.info("environment {}: {} done", env.environmentId(), name);
        return result;
    }
}
