package com.mcpportal.portal.cloud;

import java.util.List;
import java.util.Optional;

/**
 * What the portal needs from a cloud, one method per step so an operation can record each step
 * and resume after a crash. Every {@code ensure…} step finds its resource by the environment's
 * tags or deterministic name first and reuses it: calling a step twice creates nothing new.
 * Every {@code delete…} step treats "not found" as done. Start, stop, scale, describe and the
 * deletes need only the {@link EnvironmentRef}: they find their resources themselves.
 *
 * <p>Provision order: network, NAT instance, repository, server image (published, or a team's own tag
 * checked), log group, secrets, cluster, task definition, service discovery, service, ingress. Deprovision: the reverse
 * ({@link #deleteIngress} … {@link #deleteNetwork}, then repository, logs, secrets), then
 * {@link #remainingResources} to check nothing is left. An environment in a shared network runs
 * {@link #ensureSharedNetwork} and {@link #joinSharedNetwork} instead of the network and NAT steps; its deprovision
 * removes only what carries its own tag.
 *
 * <p>Failures are {@link CloudException}s whose {@link CloudException#retryable()} says whether
 * running the step again can help.
 */
public interface CloudProvider {

    /** The secret name under which each environment's accepted key set is published; the task may read it. */
    String KEY_SET_SECRET = "key-set";

    /**
     * A key-set document that accepts no key yet, in the format the mcp-server reads (see mcp-server/README.md):
     * the server refuses to start on anything else, so a fresh environment gets this, never a bare {@code []}.
     */
    String EMPTY_KEY_SET = "{\"version\":1,\"keys\":[]}";

    /** The secret name of the environment's ElevenLabs API key, passed to the task as a secret. */
    String ELEVENLABS_API_KEY_SECRET = "elevenlabs-api-key";

    /** Who the portal is in the target account (STS GetCallerIdentity), or a clear reason why not. */
    ConnectionCheck testConnection(CloudTarget target);

    /** Creates (or finds) the ECS task execution and task roles shared by all environments of an account. */
    AccountRoles ensureAccountRoles(CloudTarget target);

    // --- provision -------------------------------------------------------------------------

    /** VPC with DNS support, public and private subnet in one zone, internet gateway, route tables. */
    Network ensureNetwork(EnvironmentRef env, NetworkSpec spec);

    /** NAT instance in the public subnet, and the private route table's default route through it. */
    NatInstance ensureNatInstance(EnvironmentRef env, Network network, NatSpec spec);

    // --- shared networks (instead of the two steps above) -----------------------------------

    /**
     * A shared network's VPC (DNS support on), public subnet, internet gateway, public route table and NAT instance,
     * tagged with the network's id ({@link SharedNetworkRef#TAG_NETWORK_ID}), never an environment's. The first
     * environment provisioned into the network makes them; every later one (and every retry) finds them by tag.
     */
    SharedNetwork ensureSharedNetwork(SharedNetworkRef network, SharedNetworkSpec spec, NatSpec nat);

    /**
     * The environment's own part of a shared network, tagged with the environment: its private subnet
     * ({@code privateSubnetCidr}, which the portal allocated from the network's range, in the network's zone), a private
     * route table whose default route leads to the shared NAT instance, and a security group that admits the container
     * port only from itself (the environment's VPC link and tasks): not from the VPC's range, not from another
     * environment. Returned as a {@link Network}, so the later steps run as in an environment's own network, and
     * {@link #deleteNetwork} removes exactly these again.
     */
    default Network joinSharedNetwork(EnvironmentRef env, SharedNetwork network, String privateSubnetCidr,
            int containerPort) {
        return joinSharedNetwork(env, network, privateSubnetCidr, null, containerPort);
    }

    /**
     * The same in a network of two zones: a second private subnet ({@code secondPrivateSubnetCidr}, null for one zone)
     * in the network's second zone, routed to the same NAT instance; the returned network lists both.
     */
    Network joinSharedNetwork(EnvironmentRef env, SharedNetwork network, String privateSubnetCidr,
            String secondPrivateSubnetCidr, int containerPort);

    /**
     * Starts the shared network's NAT instance (each, with one per zone) if it is not running, and waits until it
     * runs.
     */
    NatState startSharedNat(SharedNetworkRef network);

    /**
     * Stops the shared network's NAT instance (each, with one per zone) if it is not stopped, and waits until it is.
     * The caller decides that no environment of the network needs it any more: the cloud does not know.
     */
    NatState stopSharedNat(SharedNetworkRef network);

    /**
     * Deletes the shared network's own resources, the NAT instance first. An environment's subnet still in the VPC
     * makes the VPC's deletion fail with the cloud's dependency error: a network is never torn down under its
     * environments (the portal refuses before that, too).
     */
    void deleteSharedNetwork(SharedNetworkRef network);

    /** Resources tagged with the network's id that still exist, confirmed like {@link #remainingResources}. */
    List<TaggedResource> remainingNetworkResources(SharedNetworkRef network);

    /** Moving a provisioned environment into or out of a shared network: see {@link NetworkMove}. */
    NetworkMove networkMove();

    // --- provision, continued ------------------------------------------------------------------

    /** Container image repository keeping the last 5 images, its tags immutable (created so, or switched). */
    ImageRepository ensureRepository(EnvironmentRef env);

    /**
     * Publishes the MCP server image into the environment's repository under {@link ServerImage#tag()} and returns
     * it by digest. The tag names everything the image is built from, so an image already there under that tag is
     * this image: it is reused and nothing is built or pushed. A base image that cannot be pulled, a push the
     * registry refuses, any registry error: a {@link CloudException} with the registry's own message.
     */
    ImagePublication publishImage(EnvironmentRef env, ImageRepository repository, ServerImage image);

    /**
     * A team's own image: the digest of {@code tag} in the environment's repository, checked before anything
     * runs it; a tag that is not there is a non-retryable {@link CloudException} saying so.
     */
    ImageRef findImage(EnvironmentRef env, ImageRepository repository, String tag, Architecture architecture);

    /**
     * An image given by digest, in {@code repository} of the environment's own registry (its account and region): the
     * environment's repository, or another one there. A digest that is not there, or a repository that is not, is a
     * non-retryable {@link CloudException} saying so. This is how a team's CI build is checked before it is deployed.
     */
    ImageRef findImageByDigest(EnvironmentRef env, ImageRepository repository, String digest,
            Architecture architecture);

    /** Log group with the retention; an existing group gets the retention updated. */
    LogGroup ensureLogGroup(EnvironmentRef env, int retentionDays);

    /**
     * Stores a secret (SecureString, default key), replacing any earlier value. {@code name} is
     * relative to the environment, e.g. {@code elevenlabs-api-key}. The value is never logged.
     */
    SecretRef putSecret(EnvironmentRef env, String name, String value);

    /** The ECS cluster, with Fargate and Fargate Spot capacity providers; returns its name. */
    String ensureCluster(EnvironmentRef env);

    /** Registers a task definition revision, unless the latest one already has exactly this spec. */
    TaskDefinitionRef registerTaskDefinition(EnvironmentRef env, TaskSpec spec);

    /** Cloud Map private DNS namespace in the VPC and the service the tasks register in. */
    ServiceDiscovery ensureServiceDiscovery(EnvironmentRef env, Network network);

    /**
     * The ECS service; created with the spec's desired count, an existing one is moved to the
     * spec's task definition but keeps its desired count (that is {@link #scaleService}'s job).
     */
    ServiceRef ensureService(EnvironmentRef env, ServiceSpec spec);

    /** HTTP API with a VPC link to the Cloud Map service, {@code ANY /{proxy+}}, auto-deployed. */
    Ingress ensureIngress(EnvironmentRef env, Network network, ServiceDiscovery discovery);

    // --- run -------------------------------------------------------------------------------

    /** Starts the NAT instance and waits until it runs. */
    NatState startNat(EnvironmentRef env);

    /** Stops the NAT instance and waits until it is stopped. */
    NatState stopNat(EnvironmentRef env);

    /**
     * Sets the service's desired count and waits: for a count above zero until the tasks run and
     * are healthy, for zero until every task is drained.
     */
    ServiceCounts scaleService(EnvironmentRef env, int desiredCount);

    /**
     * Moves the running service to {@code taskDefinition} without downtime: new tasks start next to the old ones and
     * the old ones stop only once the new ones are healthy (ECS: minimum healthy 100 %, maximum 200 %), and a
     * revision whose tasks cannot get healthy is undone by the cloud (ECS deployment circuit breaker with rollback),
     * which fails the step with the cloud's reason. Waits until the deployment has completed. A service at zero tasks
     * (an environment that is off) only gets the revision, which its next start runs.
     */
    Rollout rollOut(EnvironmentRef env, TaskDefinitionRef taskDefinition);

    /** What actually runs now, for drift checks. */
    ActualState describe(EnvironmentRef env);

    // --- NAT instance patching ----------------------------------------------------------------

    /**
     * The NAT instance's AMI against the latest one published for its architecture (the public SSM parameter
     * {@link #ensureNatInstance} launches from), with names and creation dates where the cloud gives them; empty
     * when the environment has no NAT instance.
     */
    Optional<NatImageStatus> natImageStatus(EnvironmentRef env);

    /**
     * Replaces the NAT instance by one launched from the latest AMI: only the AMI changes (instance type, spot
     * choice, subnet, security group, IMDSv2, root volume size, user data and tags stay the NAT's), the new instance
     * boots once and passes its status checks, its source/dest check goes off, the private default route moves to its
     * network interface, then every other NAT instance of the environment is terminated and the new one is left in
     * {@code endState} ({@link NatState#RUNNING} or {@link NatState#STOPPED}). Idempotent and safe to resume after a
     * crash at any point: a replacement launched earlier is found by its tags and AMI, never launched twice, and the
     * old instance is terminated only once the route leads to the new one. On an instance already on the latest AMI
     * it only makes sure of the rest (one instance, the route, {@code endState}).
     *
     * @return the NAT instance now
     */
    NatInstance replaceNatInstance(EnvironmentRef env, Network network, NatState endState);

    // --- deprovision, in this order ---------------------------------------------------------

    void deleteIngress(EnvironmentRef env);

    void deleteService(EnvironmentRef env);

    void deleteServiceDiscovery(EnvironmentRef env);

    /** The cluster and every task definition revision of the environment. */
    void deleteCluster(EnvironmentRef env);

    /** The environment's own NAT instance; nothing in a shared network, whose NAT is tagged with the network. */
    void deleteNatInstance(EnvironmentRef env);

    /**
     * What is tagged with the environment: its own VPC and all in it, or in a shared network only its private subnet,
     * route table (and association) and security group; never the shared VPC, public subnet or NAT instance.
     */
    void deleteNetwork(EnvironmentRef env);

    void deleteRepository(EnvironmentRef env);

    void deleteLogGroup(EnvironmentRef env);

    void deleteSecrets(EnvironmentRef env);

    /**
     * Resources tagged with the environment's id that still exist, each confirmed with its own service (a tag
     * listing keeps deleted resources for a while, e.g. terminated instances); empty after a complete deprovision.
     */
    List<TaggedResource> remainingResources(EnvironmentRef env);

    // --- hours kept in the cloud ------------------------------------------------------------------

    /**
     * Makes the cloud keep exactly these schedules for the environment, so its hours go on while the portal is down
     * (EventBridge Scheduler on AWS; the account's scheduler role and the environment's schedule group are created if
     * missing): what is missing is created, what differs is updated, what is not asked for is deleted.
     */
    void mirrorSchedule(EnvironmentRef env, List<MirroredSchedule> schedules);

    /**
     * The schedules the cloud keeps for the environment and will run, in the portal's terms; empty when it keeps
     * none. One disabled or pointed elsewhere by hand is not among them.
     */
    List<MirroredSchedule> readScheduleMirror(EnvironmentRef env);

    /** Deletes every schedule the cloud keeps for the environment, and their group; what is not there is done. */
    void deleteScheduleMirror(EnvironmentRef env);

    // --- CPU autoscaling within the window ----------------------------------------------------------

    /**
     * Makes the service scale on CPU within {@code range} while the environment is on ({@code on}): a scalable target
     * from the minimum to the maximum tasks and a target-tracking policy on the service's average CPU (Application
     * Auto Scaling on AWS). Off, the minimum is 0 and scaling is suspended, so a stop's desired count of 0 stays 0
     * until the next start restores the minimum. Idempotent; what differs is updated.
     */
    void applyAutoscaling(EnvironmentRef env, TaskRange range, boolean on);

    /** The service's autoscaling as the cloud holds it; empty when it has none. */
    Optional<AutoscalingState> readAutoscaling(EnvironmentRef env);

    /** Removes the service's autoscaling (its target and policy); what is not there is done. */
    void deleteAutoscaling(EnvironmentRef env);
}
