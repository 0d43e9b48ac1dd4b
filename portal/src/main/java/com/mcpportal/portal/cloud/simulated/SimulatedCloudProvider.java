package com.mcpportal.portal.cloud.simulated;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.ActualState;
import com.mcpportal.portal.cloud.AutoscalingState;
import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudErrorKind;
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
import com.mcpportal.portal.cloud.MachineImage;
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
import com.mcpportal.portal.cloud.TaggedResource;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.cloud.TaskSpec;
import com.mcpportal.portal.cloud.secret.SecretCipher;

import static com.mcpportal.portal.cloud.simulated.SimulatedStore.attributes;

/**
 * The {@link CloudProvider} of the simulated cloud: every step behaves like the AWS adapter's (idempotent by
 * environment id and component, the same order, the same waits, AWS-looking ids and errors), but the resources
 * are rows in the portal's own database and nothing is billed. It is what a fresh portal's "Simulated" account
 * runs on, so a newcomer can provision, start, stop and deprovision with no AWS account.
 */
public class SimulatedCloudProvider implements CloudProvider {

    private static final Logger log = LoggerFactory.getLogger(SimulatedCloudProvider.class);

    static final String NETWORK = "network";
    static final String NAT = "nat-instance";
    static final String REPOSITORY = "ecr-repository";
    static final String LOG_GROUP = "log-group";
    static final String CLUSTER = "ecs-cluster";
    static final String TASK_DEFINITION = "task-definition";
    static final String DISCOVERY = "service-discovery";
    static final String SERVICE = "ecs-service";
    static final String INGRESS = "http-api";
    /** The service's CPU autoscaling: the scalable target and its target-tracking policy, as one record. */
    static final String AUTOSCALING = "scalable-target";

    private final SimulatedStore store;
    private final SimulatedProvisioning provisioning;
    private final SimulatedRegistry registry;
    private final SecretCipher cipher;
    private final SimulatedSettings settings;
    private final SimulatedNatImages natImages;
    private final SimulatedSharedNetworks sharedNetworks;
    private final SimulatedNetworkMoves moves;
    private final SimulatedScheduleMirror mirrors;

    SimulatedCloudProvider(SimulatedStore store, SecretCipher cipher, SimulatedSettings settings, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.settings = settings;
        this.natImages = new SimulatedNatImages(store, clock, this::pause, settings);
        this.mirrors = new SimulatedScheduleMirror(store);
        this.provisioning = new SimulatedProvisioning(store, this::pause, settings, natImages);
        this.registry = new SimulatedRegistry(store, this::pause, settings);
        this.sharedNetworks = new SimulatedSharedNetworks(store, provisioning);
        this.moves = new SimulatedNetworkMoves(store, this::pause, settings);
    }

    @Override
    public ConnectionCheck testConnection(CloudTarget target) {
        String account = SimulatedIds.accountNumber(target.accountId());
        return new ConnectionCheck(true, account, "arn:aws:sts::" + account + ":assumed-role/mcp-portal/simulated",
                "Simulated account " + account + " in " + target.region()
                        + ": nothing to connect to; resources are kept in the portal's database.");
    }

    @Override
    public AccountRoles ensureAccountRoles(CloudTarget target) {
        String account = SimulatedIds.accountNumber(target.accountId());
        String execution = store.role(target.accountId(), "mcp-portal-task-execution").orElseGet(() -> store
                .insertRole(target.accountId(), "mcp-portal-task-execution",
                        "arn:aws:iam::" + account + ":role/mcp-portal/mcp-portal-task-execution"));
        String task = store.role(target.accountId(), "mcp-portal-task").orElseGet(() -> store
                .insertRole(target.accountId(), "mcp-portal-task", "arn:aws:iam::" + account
                        + ":role/mcp-portal/mcp-portal-task"));
        return new AccountRoles(execution, task);
    }

    @Override
    public Network ensureNetwork(EnvironmentRef env, NetworkSpec spec) {
        return provisioning.network(env, spec);
    }

    @Override
    public NatInstance ensureNatInstance(EnvironmentRef env, Network network, NatSpec spec) {
        return provisioning.nat(env, network, spec);
    }

    @Override
    public SharedNetwork ensureSharedNetwork(SharedNetworkRef network, SharedNetworkSpec spec, NatSpec nat) {
        return sharedNetworks.ensure(network, spec, nat);
    }

    @Override
    public Network joinSharedNetwork(EnvironmentRef env, SharedNetwork network, String privateSubnetCidr,
            String secondPrivateSubnetCidr, int containerPort) {
        return sharedNetworks.join(env, network, privateSubnetCidr, secondPrivateSubnetCidr, containerPort);
    }

    @Override
    public NatState startSharedNat(SharedNetworkRef network) {
        return sharedNetworks.eachNat(SimulatedSharedNetworks.owner(network), component -> moveNat(
                SimulatedSharedNetworks.owner(network), component, "start-shared-nat", NatState.PENDING,
                NatState.RUNNING));
    }

    @Override
    public NatState stopSharedNat(SharedNetworkRef network) {
        EnvironmentRef owner = sharedNetworks.stoppable(network);
        return sharedNetworks.eachNat(owner, component -> moveNat(owner, component, "stop-shared-nat",
                NatState.STOPPING, NatState.STOPPED));
    }

    @Override
    public void deleteSharedNetwork(SharedNetworkRef network) {
        pause(settings.stepDelay());
        sharedNetworks.delete(network);
    }

    @Override
    public List<TaggedResource> remainingNetworkResources(SharedNetworkRef network) {
        return sharedNetworks.remaining(network);
    }

    @Override
    public ImageRepository ensureRepository(EnvironmentRef env) {
        return provisioning.repository(env);
    }

    @Override
    public ImagePublication publishImage(EnvironmentRef env, ImageRepository repository, ServerImage image) {
        return registry.publish(env, repository, image);
    }

    @Override
    public ImageRef findImage(EnvironmentRef env, ImageRepository repository, String tag, Architecture architecture) {
        return registry.find(env, repository, tag, architecture);
    }

    @Override
    public ImageRef findImageByDigest(EnvironmentRef env, ImageRepository repository, String digest,
            Architecture architecture) {
        return registry.findByDigest(env, repository, digest, architecture);
    }

    @Override
    public LogGroup ensureLogGroup(EnvironmentRef env, int retentionDays) {
        return provisioning.logGroup(env, retentionDays);
    }

    @Override
    public SecretRef putSecret(EnvironmentRef env, String name, String value) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, "put-secret", "ssm", "ValidationException",
                    "Secret names are 1-100 letters, digits, '.', '_' or '-'", null);
        }
        String parameter = "/mcp-portal/" + env.resourceName() + "/" + name;
        String arn = SimulatedIds.arn(env, "ssm", "parameter" + parameter);
        store.putSecret(env, name, arn, cipher.encrypt(value, context(env, name)));
        return new SecretRef(parameter, arn);
    }

    /** A secret's value as the simulated parameter store holds it (what a task would receive), if stored. */
    public Optional<String> secretValue(EnvironmentRef env, String name) {
        return store.secretCiphertext(env, name).map(sealed -> cipher.decrypt(sealed, context(env, name)));
    }

    @Override
    public String ensureCluster(EnvironmentRef env) {
        return provisioning.cluster(env);
    }

    @Override
    public TaskDefinitionRef registerTaskDefinition(EnvironmentRef env, TaskSpec spec) {
        return provisioning.taskDefinition(env, spec);
    }

    @Override
    public ServiceDiscovery ensureServiceDiscovery(EnvironmentRef env, Network network) {
        return provisioning.discovery(env);
    }

    @Override
    public ServiceRef ensureService(EnvironmentRef env, ServiceSpec spec) {
        return provisioning.service(env, spec);
    }

    @Override
    public Ingress ensureIngress(EnvironmentRef env, Network network, ServiceDiscovery discovery) {
        return provisioning.ingress(env, network);
    }

    @Override
    public NatState startNat(EnvironmentRef env) {
        return moveNat(env, NAT, "start-nat", NatState.PENDING, NatState.RUNNING);
    }

    @Override
    public NatState stopNat(EnvironmentRef env) {
        return moveNat(env, NAT, "stop-nat", NatState.STOPPING, NatState.STOPPED);
    }

    private NatState moveNat(EnvironmentRef env, String component, String step, NatState passing, NatState target) {
        SimulatedResource nat = store.find(env, component).orElseThrow(() -> new CloudException(
                CloudErrorKind.NOT_FOUND, step, "ec2", "InvalidInstanceID.NotFound",
                "No NAT instance is tagged with environment " + env.environmentId(), null));
        if (!target.name().equals(nat.state())) {
            store.update(env, component, passing.name(), nat.attributes());
            pause(settings.waitDelay());
            store.update(env, component, target.name(), nat.attributes());
        }
        return target;
    }

    @Override
    public ServiceCounts scaleService(EnvironmentRef env, int desiredCount) {
        SimulatedResource service = store.find(env, SERVICE).orElseThrow(() -> new CloudException(
                CloudErrorKind.NOT_FOUND, "scale-service", "ecs", "ServiceNotFoundException",
                "Service not found: " + env.resourceName(), null));
        Map<String, Object> attributes = new java.util.LinkedHashMap<>(service.attributes());
        int running = service.number("runningCount");
        attributes.put("desiredCount", desiredCount);
        if (running != desiredCount) {
            attributes.put("pendingCount", Math.max(0, desiredCount - running));
            store.update(env, SERVICE, "ACTIVE", attributes);
            pause(settings.waitDelay());
        }
        attributes.put("runningCount", desiredCount);
        attributes.put("pendingCount", 0);
        store.update(env, SERVICE, "ACTIVE", attributes);
        if (running != desiredCount) {
            store.recordScaling(env, desiredCount);
        }
        return new ServiceCounts("ACTIVE", desiredCount, desiredCount, 0);
    }

    @Override
    public Rollout rollOut(EnvironmentRef env, TaskDefinitionRef taskDefinition) {
        return provisioning.rollOut(env, taskDefinition);
    }

    @Override
    public ActualState describe(EnvironmentRef env) {
        NatState nat = store.find(env, NAT).map(n -> NatState.valueOf(n.state())).orElse(NatState.NONE);
        ServiceCounts service = store.find(env, SERVICE).map(s -> new ServiceCounts(s.state(),
                s.number("desiredCount"), s.number("runningCount"), s.number("pendingCount")))
                .orElse(ServiceCounts.MISSING);
        return new ActualState(nat, service);
    }

    @Override
    public Optional<NatImageStatus> natImageStatus(EnvironmentRef env) {
        return natImages.status(env);
    }

    @Override
    public NatInstance replaceNatInstance(EnvironmentRef env, Network network, NatState endState) {
        return natImages.replace(env, endState);
    }

    /** A newer AMI for NAT instances in the region, published now (as Amazon does every couple of weeks). */
    public MachineImage publishNatImage(String region, Architecture architecture) {
        return natImages.publish(region, architecture);
    }

    @Override
    public void deleteIngress(EnvironmentRef env) {
        delete(env, INGRESS);
    }

    @Override
    public void deleteService(EnvironmentRef env) {
        store.delete(env, AUTOSCALING); // the service's scaling goes with it
        store.find(env, SERVICE).ifPresent(service -> {
            if (service.number("runningCount") > 0) {
                pause(settings.waitDelay()); // tasks drain before the service goes away
                store.recordScaling(env, 0);
            }
        });
        delete(env, SERVICE);
    }

    @Override
    public void deleteServiceDiscovery(EnvironmentRef env) {
        delete(env, DISCOVERY);
    }

    @Override
    public void deleteCluster(EnvironmentRef env) {
        delete(env, TASK_DEFINITION);
        delete(env, CLUSTER);
    }

    @Override
    public NetworkMove networkMove() {
        return moves;
    }

    @Override
    public void deleteNatInstance(EnvironmentRef env) {
        delete(env, NAT);
    }

    @Override
    public void deleteNetwork(EnvironmentRef env) {
        if (store.find(env, NAT).isPresent()) {
            String vpc = store.find(env, NETWORK).map(SimulatedResource::resourceId).orElse("");
            throw new CloudException(CloudErrorKind.TRANSIENT, "delete-network", "ec2", "DependencyViolation",
                    "The vpc '" + vpc + "' has dependencies and cannot be deleted.", null);
        }
        delete(env, SimulatedNetworkMoves.NEXT); // a part made by a move that did not finish
        delete(env, NETWORK);
    }

    @Override
    public void deleteRepository(EnvironmentRef env) {
        delete(env, REPOSITORY);
    }

    @Override
    public void deleteLogGroup(EnvironmentRef env) {
        delete(env, LOG_GROUP);
    }

    @Override
    public void deleteSecrets(EnvironmentRef env) {
        store.deleteSecrets(env);
    }

    @Override
    public List<TaggedResource> remainingResources(EnvironmentRef env) {
        List<TaggedResource> remaining = new ArrayList<>();
        store.all(env).forEach(resource -> remaining.add(TaggedResource.of(resource.arn())));
        store.secretArns(env).forEach(arn -> remaining.add(TaggedResource.of(arn)));
        return remaining;
    }

    @Override
    public void mirrorSchedule(EnvironmentRef env, List<MirroredSchedule> schedules) {
        mirrors.mirror(env, schedules);
    }

    @Override
    public List<MirroredSchedule> readScheduleMirror(EnvironmentRef env) {
        return mirrors.read(env);
    }

    @Override
    public void deleteScheduleMirror(EnvironmentRef env) {
        mirrors.delete(env);
    }

    private void delete(EnvironmentRef env, String component) {
        if (store.find(env, component).isPresent()) {
            pause(settings.stepDelay());
            store.delete(env, component);
            log.info("environment {}: simulated {} deleted", env.environmentId(), component);
        }
    }

    private static String context(EnvironmentRef env, String name) {
        return "simulated-secret:" + env.environmentId() + ":" + name;
    }

    void pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudException(CloudErrorKind.TIMEOUT, null, "simulated", null,
                    "Interrupted while waiting", e);
        }
    }

    @Override
    public void applyAutoscaling(EnvironmentRef env, TaskRange range, boolean on) {
        Map<String, Object> attributes = new java.util.LinkedHashMap<>();
        attributes.put("minCapacity", on ? range.minTasks() : 0);
        attributes.put("maxCapacity", range.maxTasks());
        attributes.put("cpuTargetPercent", range.cpuTargetPercent());
        attributes.put("suspended", !on);
        if (store.find(env, AUTOSCALING).isPresent()) {
            store.update(env, AUTOSCALING, "ACTIVE", attributes);
        } else {
            String id = "service/" + env.resourceName() + "/" + env.resourceName();
            store.insert(env, new SimulatedResource(AUTOSCALING, id,
                    SimulatedIds.arn(env, "application-autoscaling", "scalable-target/" + id), "ACTIVE", attributes));
        }
    }

    @Override
    public Optional<AutoscalingState> readAutoscaling(EnvironmentRef env) {
        return store.find(env, AUTOSCALING).map(target -> new AutoscalingState(target.number("minCapacity"),
                target.number("maxCapacity"), target.number("cpuTargetPercent"),
                Boolean.TRUE.equals(target.attributes().get("suspended"))));
    }

    @Override
    public void deleteAutoscaling(EnvironmentRef env) {
        store.delete(env, AUTOSCALING);
    }
}
