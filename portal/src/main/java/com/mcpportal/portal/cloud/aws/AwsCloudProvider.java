package com.mcpportal.portal.cloud.aws;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.ActualState;
import com.mcpportal.portal.cloud.AutoscalingState;
import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.ConnectionCheck;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.ImagePublication;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.LogGroup;
import com.mcpportal.portal.cloud.MirroredSchedule;
import com.mcpportal.portal.cloud.NatImageStatus;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkMove;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.Rollout;
import com.mcpportal.portal.cloud.SecretRef;
import com.mcpportal.portal.cloud.ServerImage;
import com.mcpportal.portal.cloud.SharedNetwork;
import com.mcpportal.portal.cloud.SharedNetworkRef;
import com.mcpportal.portal.cloud.SharedNetworkSpec;
import com.mcpportal.portal.cloud.ServiceCounts;
import com.mcpportal.portal.cloud.ServiceDiscovery;
import com.mcpportal.portal.cloud.ServiceRef;
import com.mcpportal.portal.cloud.ServiceSpec;
import com.mcpportal.portal.cloud.StepRetry;
import com.mcpportal.portal.cloud.TaggedResource;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.TaskSpec;
import com.mcpportal.portal.cloud.image.ImageSettings;
import com.mcpportal.portal.cloud.image.JibImagePublisher;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The {@link CloudProvider} on AWS (SDK v2). Each method is one step: it runs with step-level
 * retries on top of the SDK's own, and fails with a {@link CloudException} naming the step.
 */
public class AwsCloudProvider implements CloudProvider {

    private static final Logger log = LoggerFactory.getLogger(AwsCloudProvider.class);

    private final AwsClientFactory clients;
    private final StepRetry retry;
    private final NetworkResources network;
    private final NatResources nat;
    private final NatReplacement natReplacement;
    private final SharedNetworkResources sharedNetworks;
    private final RegistryResources registry = new RegistryResources();
    private final ImageResources images;
    private final LogResources logs = new LogResources();
    private final SecretResources secrets = new SecretResources();
    private final ClusterResources clusters = new ClusterResources();
    private final DiscoveryResources discovery;
    private final ServiceResources services;
    private final ServiceRollouts rollouts;
    private final IngressResources ingress;
    private final RemainingResources remaining = new RemainingResources();
    private final AccountRoleResources roles = new AccountRoleResources();
    private final SchedulerRoleResources schedulerRole = new SchedulerRoleResources();
    private final ScheduleMirrorResources mirrors;
    private final AutoscalingResources autoscaling = new AutoscalingResources();
    private final AwsNetworkMoves moves;

    /** @param publisher publishes the MCP server image into an environment's repository (with ECR's login) */
    public AwsCloudProvider(AwsClientFactory clients, AwsSettings settings, JibImagePublisher publisher,
            StepRetry.Sleeper sleeper) {
        this.clients = clients;
        this.images = new ImageResources(publisher);
        this.retry = new StepRetry(settings.stepAttempts(), settings.stepRetryDelay(), sleeper);
        Waiter waiter = new Waiter(settings.pollInterval(), settings.waitTimeout(), sleeper);
        this.network = new NetworkResources(waiter);
        this.nat = new NatResources(waiter, settings);
        this.natReplacement = new NatReplacement(nat, waiter);
        this.sharedNetworks = new SharedNetworkResources(network, nat, waiter);
        this.mirrors = new ScheduleMirrorResources(nat);
        this.discovery = new DiscoveryResources(waiter);
        this.services = new ServiceResources(waiter);
        this.rollouts = new ServiceRollouts(waiter);
        this.ingress = new IngressResources(waiter);
        this.moves = new AwsNetworkMoves(clients, retry, network, sharedNetworks, rollouts, ingress);
    }

    /** Publishing with the default image settings (Temurin 25 from Docker Hub, cache under {@code data/}). */
    public AwsCloudProvider(AwsClientFactory clients, AwsSettings settings, StepRetry.Sleeper sleeper) {
        this(clients, settings, new JibImagePublisher(ImageSettings.defaults()), sleeper);
    }

    public AwsCloudProvider(AwsClientFactory clients, AwsSettings settings, JibImagePublisher publisher) {
        this(clients, settings, publisher, duration -> Thread.sleep(duration.toMillis()));
    }

    @Override
    public ConnectionCheck testConnection(CloudTarget target) {
        try {
            GetCallerIdentityResponse identity = clients.clientsFor(target).sts().getCallerIdentity();
            return ConnectionCheck.success(identity.account(), identity.arn());
        } catch (SdkException e) {
            CloudException failure = AwsErrors.translate(e, "test-connection");
            String code = failure.errorCode() == null ? "" : failure.errorCode() + ": ";
            return ConnectionCheck.failure(code + failure.providerMessage());
        }
    }

    @Override
    public AccountRoles ensureAccountRoles(CloudTarget target) {
        return step("ensure-account-roles", target.accountId(), () -> {
            AwsClients aws = clients.clientsFor(target);
            return roles.ensure(aws.iam(), aws.sts(), target);
        });
    }

    @Override
    public Network ensureNetwork(EnvironmentRef env, NetworkSpec spec) {
        return step("ensure-network", env, () -> network.ensure(aws(env).ec2(), env, spec));
    }

    @Override
    public NatInstance ensureNatInstance(EnvironmentRef env, Network net, NatSpec spec) {
        String launchToken = NatResources.newLaunchToken(); // shared by this run's retries only
        return step("ensure-nat-instance", env, () -> nat.ensure(aws(env).ec2(), aws(env).ssm(), env, net, spec,
                launchToken));
    }

    @Override
    public SharedNetwork ensureSharedNetwork(SharedNetworkRef net, SharedNetworkSpec spec, NatSpec natSpec) {
        String launchToken = NatResources.newLaunchToken(); // shared by this run's retries only
        return step("ensure-shared-network", net, () -> sharedNetworks.ensure(aws(net).ec2(), aws(net).ssm(), net,
                spec, natSpec, launchToken));
    }

    @Override
    public Network joinSharedNetwork(EnvironmentRef env, SharedNetwork net, String privateSubnetCidr,
            String secondPrivateSubnetCidr, int containerPort) {
        return step("join-shared-network", env, () -> sharedNetworks.join(aws(env).ec2(), env, net,
                privateSubnetCidr, secondPrivateSubnetCidr, containerPort));
    }

    @Override
    public NatState startSharedNat(SharedNetworkRef net) {
        return step("start-shared-nat", net, () -> sharedNetworks.startNat(aws(net).ec2(), net));
    }

    @Override
    public NatState stopSharedNat(SharedNetworkRef net) {
        return step("stop-shared-nat", net, () -> sharedNetworks.stopNat(aws(net).ec2(), net));
    }

    @Override
    public void deleteSharedNetwork(SharedNetworkRef net) {
        step("delete-shared-network", net, () -> {
            sharedNetworks.delete(aws(net).ec2(), net);
            return null;
        });
    }

    @Override
    public List<TaggedResource> remainingNetworkResources(SharedNetworkRef net) {
        return step("list-remaining-network-resources", net, () -> remaining.remaining(aws(net),
                SharedNetworkRef.TAG_NETWORK_ID, net.tagValue()));
    }

    @Override
    public ImageRepository ensureRepository(EnvironmentRef env) {
        return step("ensure-repository", env, () -> registry.ensure(aws(env).ecr(), env));
    }

    @Override
    public ImagePublication publishImage(EnvironmentRef env, ImageRepository repository, ServerImage image) {
        return step("publish-image", env, () -> images.publish(aws(env).ecr(), repository, image));
    }

    @Override
    public ImageRef findImage(EnvironmentRef env, ImageRepository repository, String tag, Architecture architecture) {
        return step("find-image", env, () -> images.find(aws(env).ecr(), repository, tag, architecture));
    }

    @Override
    public ImageRef findImageByDigest(EnvironmentRef env, ImageRepository repository, String digest,
            Architecture architecture) {
        return step("find-image-by-digest", env, () -> images.findByDigest(aws(env).ecr(), repository, digest,
                architecture));
    }

    @Override
    public LogGroup ensureLogGroup(EnvironmentRef env, int retentionDays) {
        return step("ensure-log-group", env, () -> logs.ensure(aws(env).logs(), env, retentionDays));
    }

    @Override
    public SecretRef putSecret(EnvironmentRef env, String name, String value) {
        return step("put-secret " + name, env, () -> secrets.put(aws(env).ssm(), env, name, value));
    }

    @Override
    public String ensureCluster(EnvironmentRef env) {
        return step("ensure-cluster", env, () -> clusters.ensureCluster(aws(env).ecs(), env));
    }

    @Override
    public TaskDefinitionRef registerTaskDefinition(EnvironmentRef env, TaskSpec spec) {
        return step("register-task-definition", env, () -> clusters.register(aws(env).ecs(), env, spec));
    }

    @Override
    public ServiceDiscovery ensureServiceDiscovery(EnvironmentRef env, Network net) {
        return step("ensure-service-discovery", env, () -> discovery.ensure(aws(env).cloudMap(), env, net));
    }

    @Override
    public ServiceRef ensureService(EnvironmentRef env, ServiceSpec spec) {
        return step("ensure-service", env, () -> services.ensure(aws(env).ecs(), env, spec));
    }

    @Override
    public Ingress ensureIngress(EnvironmentRef env, Network net, ServiceDiscovery registry) {
        return step("ensure-ingress", env, () -> ingress.ensure(aws(env).apiGateway(), env, net, registry));
    }

    @Override
    public NatState startNat(EnvironmentRef env) {
        return step("start-nat", env, () -> nat.start(aws(env).ec2(), env));
    }

    @Override
    public NatState stopNat(EnvironmentRef env) {
        return step("stop-nat", env, () -> nat.stop(aws(env).ec2(), env));
    }

    @Override
    public ServiceCounts scaleService(EnvironmentRef env, int desiredCount) {
        return step("scale-service", env, () -> services.scale(aws(env).ecs(), env, desiredCount));
    }

    @Override
    public Rollout rollOut(EnvironmentRef env, TaskDefinitionRef taskDefinition) {
        return step("roll-out", env, () -> rollouts.rollOut(aws(env).ecs(), env, taskDefinition));
    }

    @Override
    public ActualState describe(EnvironmentRef env) {
        return step("describe", env, () -> new ActualState(nat.state(aws(env).ec2(), env),
                services.counts(aws(env).ecs(), env)));
    }

    @Override
    public Optional<NatImageStatus> natImageStatus(EnvironmentRef env) {
        return step("nat-image-status", env, () -> natReplacement.status(aws(env).ec2(), aws(env).ssm(), env));
    }

    @Override
    public NatInstance replaceNatInstance(EnvironmentRef env, Network net, NatState endState) {
        String launchToken = NatResources.newLaunchToken(); // shared by this run's retries only
        return step("replace-nat-instance", env, () -> natReplacement.replace(aws(env).ec2(), aws(env).ssm(), env, net,
                endState, launchToken));
    }

    @Override
    public NetworkMove networkMove() {
        return moves;
    }

    @Override
    public void deleteIngress(EnvironmentRef env) {
        run("delete-ingress", env, () -> ingress.delete(aws(env).apiGateway(), env));
    }

    @Override
    public void deleteService(EnvironmentRef env) {
        run("delete-service", env, () -> {
            // A scalable target outlives its ECS service (it carries no tags to find it by later): it goes first.
            autoscaling.delete(aws(env).autoscaling(), env);
            services.delete(aws(env).ecs(), env);
        });
    }

    @Override
    public void deleteServiceDiscovery(EnvironmentRef env) {
        run("delete-service-discovery", env, () -> discovery.delete(aws(env).cloudMap(), env));
    }

    @Override
    public void deleteCluster(EnvironmentRef env) {
        run("delete-cluster", env, () -> clusters.delete(aws(env).ecs(), env));
    }

    @Override
    public void deleteNatInstance(EnvironmentRef env) {
        run("delete-nat-instance", env, () -> nat.delete(aws(env).ec2(), env));
    }

    @Override
    public void deleteNetwork(EnvironmentRef env) {
        run("delete-network", env, () -> network.delete(aws(env).ec2(), env));
    }

    @Override
    public void deleteRepository(EnvironmentRef env) {
        run("delete-repository", env, () -> registry.delete(aws(env).ecr(), env));
    }

    @Override
    public void deleteLogGroup(EnvironmentRef env) {
        run("delete-log-group", env, () -> logs.delete(aws(env).logs(), env));
    }

    @Override
    public void deleteSecrets(EnvironmentRef env) {
        run("delete-secrets", env, () -> secrets.deleteAll(aws(env).ssm(), env));
    }

    @Override
    public List<TaggedResource> remainingResources(EnvironmentRef env) {
        return step("list-remaining-resources", env, () -> remaining.remaining(aws(env), env));
    }

    @Override
    public void mirrorSchedule(EnvironmentRef env, List<MirroredSchedule> schedules) {
        run("mirror-schedule", env, () -> {
            AwsClients aws = aws(env);
            String roleArn = schedulerRole.ensure(aws.iam(), aws.sts(), env.target());
            mirrors.mirror(aws.scheduler(), aws.ec2(), env, schedules, roleArn);
        });
    }

    @Override
    public List<MirroredSchedule> readScheduleMirror(EnvironmentRef env) {
        return step("read-schedule-mirror", env, () -> mirrors.read(aws(env).scheduler(), aws(env).ec2(), env));
    }

    @Override
    public void deleteScheduleMirror(EnvironmentRef env) {
        run("delete-schedule-mirror", env, () -> mirrors.delete(aws(env).scheduler(), env));
    }

    @Override
    public void applyAutoscaling(EnvironmentRef env, TaskRange range, boolean on) {
        run("apply-autoscaling", env, () -> autoscaling.apply(aws(env).autoscaling(), env, range, on));
    }

    @Override
    public Optional<AutoscalingState> readAutoscaling(EnvironmentRef env) {
        return step("read-autoscaling", env, () -> autoscaling.read(aws(env).autoscaling(), env));
    }

    @Override
    public void deleteAutoscaling(EnvironmentRef env) {
        run("delete-autoscaling", env, () -> autoscaling.delete(aws(env).autoscaling(), env));
    }

    private AwsClients aws(EnvironmentRef env) {
        return clients.clientsFor(env.target());
    }

    private AwsClients aws(SharedNetworkRef net) {
        return clients.clientsFor(net.target());
    }

    private <T> T step(String name, SharedNetworkRef net, Supplier<T> body) {
        return step(name, "network " + net.networkId(), body);
    }

    private void run(String name, EnvironmentRef env, Runnable body) {
        step(name, env, () -> {
            body.run();
            return null;
        });
    }

    private <T> T step(String name, EnvironmentRef env, Supplier<T> body) {
        return step(name, "environment " + env.environmentId(), body);
    }

    private <T> T step(String name, String subject, Supplier<T> body) {
        T result = retry.run(name, () -> {
            try {
                return body.get();
            } catch (SdkException e) {
                CloudException failure = AwsErrors.translate(e, name);
                log.warn("{}: {} failed ({}): {}", subject, name, failure.kind(), failure.getMessage());
                throw failure;
            }
        });
        log.info("{}: {} done", subject, name);
        return result;
    }
}
