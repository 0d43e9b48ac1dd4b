package com.mcpportal.portal.network;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.NetworkChoice;
import com.mcpportal.portal.environment.NetworkMoveDirection;
import com.mcpportal.portal.environment.SharedNetworkPlacement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells environments' operations and pages which shared network an environment is in, and its private subnet range.
 * A range is allocated when the environment joins; an environment that joined before ranges were kept gets one on
 * its first provision, under the network's row lock so two provisions at once cannot take the same one.
 */
@Service
class NetworkPlacements implements EnvironmentNetworks {

    private final NetworkStore store;
    private final AuditLog auditLog;
    private final NetworkLocks locks;
    private final NatStopFailures natStopFailures;
    private final EnvironmentService environments;
    private final Clock clock;

    NetworkPlacements(NetworkStore store, AuditLog auditLog, NetworkLocks locks, NatStopFailures natStopFailures,
            EnvironmentService environments, Clock clock) {
        this.natStopFailures = natStopFailures;
        this.environments = environments;
        this.clock = clock;
        this.locks = locks;
        this.store = store;
        this.auditLog = auditLog;
    }

    @Override
    @Transactional
    public Optional<SharedNetworkPlacement> placementOf(long environmentId) {
        Optional<Network> found = store.placementNetworkOf(environmentId).flatMap(store::find);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Network network = found.get();
        String subnet = store.subnetOf(environmentId).orElseGet(() -> allocate(network, environmentId));
        String second = network.azCount() < 2 || subnet == null ? null
                : store.secondSubnetOf(environmentId).orElseGet(() -> allocateSecond(network, environmentId));
        return Optional.of(placement(network, subnet, second));
    }

    private static SharedNetworkPlacement placement(Network network, String subnet, String second) {
        return new SharedNetworkPlacement(network.id(), network.name(), network.vpcCidr(),
                SubnetRanges.publicSubnet(network.vpcCidr()), subnet,
                network.azCount() < 2 ? null : SubnetRanges.subnet(network.vpcCidr(), 1), second,
                network.natPerAz() && network.azCount() == 2);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SharedNetworkPlacement> networkOf(long environmentId) {
        return store.networkOf(environmentId).flatMap(store::find).map(network -> placement(network,
                store.subnetOf(environmentId).orElse(null), store.secondSubnetOf(environmentId).orElse(null)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> environmentsIn(long networkId) {
        return store.environmentIdsWithArriving(networkId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<NetworkMoveDirection> moveOf(long environmentId) {
        return store.moveOf(environmentId).map(move -> "IN".equals(move) ? NetworkMoveDirection.INTO
                : NetworkMoveDirection.OUT_OF);
    }

    @Override
    @Transactional
    public void completeMove(long environmentId) {
        store.completeMove(environmentId, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public List<NetworkChoice> moveChoices(long environmentId) {
        if (store.placementNetworkOf(environmentId).isPresent()) {
            return List.of(); // from a shared network only out, into its own: another one is two moves
        }
        Environment environment = environments.get(environmentId);
        return store.usableBy(environment.getTeamId()).stream()
                .filter(network -> network.cloudAccountId() == environment.getCloudAccountId()
                        && network.region().equals(environment.getRegion()))
                .map(network -> new NetworkChoice(network.id(), network.name(), network.vpcCidr())).toList();
    }

    @Override
    public <T> T exclusively(long networkId, Supplier<T> body) {
        return locks.exclusively(networkId, body);
    }

    @Override
    @Transactional
    public boolean natStopFailed(long networkId, Instant at, String error, Instant retryAt) {
        return natStopFailures.record(networkId, at, error, retryAt);
    }

    @Override
    @Transactional
    public boolean natStopSettled(long networkId) {
        return natStopFailures.clear(networkId);
    }

    /**
     * The environment's range in the second zone of a network of two, allocated on its first provision (recorded and
     * audited); null when the network's range is full (it then runs in the first zone only).
     */
    private String allocateSecond(Network network, long environmentId) {
        store.lock(network.id());
        Optional<String> meanwhile = store.secondSubnetOf(environmentId);
        if (meanwhile.isPresent()) {
            return meanwhile.get();
        }
        String subnet = SubnetRanges.nextPrivate(network.vpcCidr(), network.azCount(),
                store.takenSubnets(network.id())).orElse(null);
        if (subnet != null) {
            store.recordSecondSubnet(environmentId, subnet);
            auditLog.record(AuditEntry.success("network.environment.subnet-allocated").team(network.teamId())
                    .target("network", network.id()).detail("network", network.name())
                    .detail("environmentId", environmentId).detail("subnet", subnet).detail("zone", 2));
        }
        return subnet;
    }

    /** The next free range, recorded and audited; null when the network's range is full (the step says so). */
    private String allocate(Network network, long environmentId) {
        store.lock(network.id());
        Optional<String> meanwhile = store.subnetOf(environmentId);
        if (meanwhile.isPresent()) {
            return meanwhile.get();
        }
        String subnet = SubnetRanges.nextPrivate(network.vpcCidr(), network.azCount(),
                store.takenSubnets(network.id())).orElse(null);
        if (subnet != null) {
            store.recordSubnet(environmentId, subnet);
            auditLog.record(AuditEntry.success("network.environment.subnet-allocated").team(network.teamId())
                    .target("network", network.id()).detail("network", network.name())
                    .detail("environmentId", environmentId).detail("subnet", subnet));
        }
        return subnet;
    }
}
