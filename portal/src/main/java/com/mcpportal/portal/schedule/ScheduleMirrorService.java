package com.mcpportal.portal.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.MirroredSchedule;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentChanged;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.operation.OperationFinished;
import com.mcpportal.portal.environment.operation.OperationKind;
import com.mcpportal.portal.schedule.store.MirrorStore;
import com.mcpportal.portal.schedule.store.ScheduleStore;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * "Keep hours in AWS": the option per environment, and the reconcile pass's part that writes the mirror
 * ({@link ScheduleMirrors}) into a ready environment's cloud, checks it, and puts drift right. A schedule change only
 * marks the mirror due, so no page waits on the cloud; the pass (every minute) writes it. The portal stays the
 * source of truth: what the cloud holds is compared with what the portal last wrote (drift: changed or deleted by
 * hand, one-time schedules that have run aside) and with what it would write now, and made equal to the latter.
 */
@Service
public class ScheduleMirrorService {

    private static final Logger log = LoggerFactory.getLogger(ScheduleMirrorService.class);

    private final MirrorStore store;
    private final ScheduleStore schedules;
    private final EnvironmentService environments;
    private final AuditLog audit;
    private final Clock clock;
    private final MirrorSettings settings;
    private final ObjectProvider<EnvironmentNetworks> networks;

    /**
     * Why an environment in a shared network does not keep its hours in AWS: its mirror would start its service but
     * not the network's NAT instance, which the portal runs on the union of the network's environments' hours.
     */
    public static final String SHARED_NETWORK = "An environment in a shared network keeps its hours in the portal:"
            + " the network's NAT instance, which its other environments use too, is not kept in AWS, so a start AWS"
            + " made while the portal is down would run this environment's service without its NAT. Take it out of"
            + " the network to keep its hours in AWS.";

    ScheduleMirrorService(MirrorStore store, ScheduleStore schedules, EnvironmentService environments, AuditLog audit,
            Clock clock, MirrorSettings settings, ObjectProvider<EnvironmentNetworks> networks) {
        this.networks = networks;
        this.store = store;
        this.schedules = schedules;
        this.environments = environments;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    public MirrorStatus statusOf(long environmentId) {
        return store.find(environmentId).map(MirrorStore.Row::status).orElse(MirrorStatus.OFF);
    }

    /**
     * Turns the option on or off (audited); the next pass writes or removes the mirror. Refused for an environment in
     * a shared network ({@link #SHARED_NETWORK}).
     */
    public void setKeepInCloud(long teamId, long environmentId, boolean keep) {
        Environment environment = environments.get(teamId, environmentId);
        if (keep && inSharedNetwork(environmentId)) {
            throw new InvalidInputException("keepInCloud", SHARED_NETWORK);
        }
        store.setKeep(environmentId, keep, CurrentUser.name(), clock.instant());
        audit.record(AuditEntry.success("schedule.mirror.updated").team(teamId).target("schedule", environmentId)
                .detail("name", environment.getName()).detail("keep", keep ? "on" : "off"));
    }

    /** Whether the team gives "keep hours in AWS" to the environments created in it. */
    public boolean teamKeepsInCloud(long teamId) {
        return store.teamKeeps(teamId);
    }

    /** The team's default for new environments (audited); environments that exist keep their own setting. */
    public void setTeamKeepInCloud(long teamId, boolean keep) {
        store.setTeamKeep(teamId, keep, CurrentUser.name(), clock.instant());
        audit.record(AuditEntry.success("schedule.team-default.mirror.updated").team(teamId).target("team", teamId)
                .detail("keep", keep ? "on" : "off"));
    }

    /**
     * A new environment of a team whose default is on gets the option too (in the transaction that creates it,
     * audited like a person's choice); the mirror is written once the environment is provisioned.
     */
    @EventListener(condition = "#changed.what() == 'created'")
    void environmentCreated(EnvironmentChanged changed) {
        if (store.teamKeeps(changed.teamId()) && !statusOf(changed.environmentId()).keepInCloud()) {
            setKeepInCloud(changed.teamId(), changed.environmentId(), true);
        }
    }

    /** The environment's schedule changed: its mirror, if it keeps one, is written again by the next pass. */
    void scheduleChanged(long environmentId) {
        store.markDue(environmentId);
    }

    /**
     * A network move changes what the mirror starts and stops (its own NAT instance, a new one, or none in a shared
     * network): its mirror, if it keeps one, is written again by the next pass.
     */
    @TransactionalEventListener
    void operationFinished(OperationFinished finished) {
        if (finished.succeeded() && finished.kind() == OperationKind.MOVE_NETWORK) {
            store.markDue(finished.environmentId());
        }
    }

    /** Writes, checks or removes every mirror that is due; returns how many it looked at. */
    public int pass() {
        Instant now = clock.instant();
        List<Long> due = store.due(now.minus(settings.checkInterval()));
        for (long environmentId : due) {
            try {
                check(environmentId, now);
            } catch (RuntimeException e) {
                log.error("Could not check the schedule mirror of environment {}", environmentId, e);
            }
        }
        return due.size();
    }

    void check(long environmentId, Instant now) {
        MirrorStore.Row row = store.find(environmentId).orElseThrow();
        Environment environment = environments.get(environmentId);
        if (environment.getState() != EnvironmentState.READY) {
            return; // written once provisioned; removed with the environment's other resources
        }
        EnvironmentCloud cloud = environments.cloudOf(environmentId);
        try {
            if (!row.status().keepInCloud()) {
                cloud.provider().deleteScheduleMirror(cloud.ref());
                store.recordCheck(environmentId, MirrorStatus.State.IN_SYNC, "removed from the cloud", List.of(), now);
                return;
            }
            if (inSharedNetwork(environmentId)) {
                // Asked for before it joined the network: nothing is kept in AWS, and the page says why.
                cloud.provider().deleteScheduleMirror(cloud.ref());
                if (row.status().state() != MirrorStatus.State.FAILED) {
                    audit.record(AuditEntry.failure("schedule.mirror.failed").actor(AuditEntry.SCHEDULER)
                            .team(environment.getTeamId()).target("schedule", environmentId)
                            .detail("name", environment.getName()).detail("error", SHARED_NETWORK));
                }
                store.recordCheck(environmentId, MirrorStatus.State.FAILED, SHARED_NETWORK, List.of(), now);
                return;
            }
            Schedule schedule = schedules.forEnvironment(environment.getTeamId(), environmentId).schedule();
            List<MirroredSchedule> wanted = ScheduleMirrors.translate(schedule, now, settings);
            List<MirroredSchedule> actual = cloud.provider().readScheduleMirror(cloud.ref());
            String drift = row.status().state() == MirrorStatus.State.PENDING ? null
                    : differences(row.written(), actual, now);
            if (!new HashSet<>(actual).equals(new HashSet<>(wanted))) {
                cloud.provider().mirrorSchedule(cloud.ref(), wanted);
            }
            if (drift != null) {
                audit.record(AuditEntry.success("schedule.mirror.drift.corrected").actor(AuditEntry.SCHEDULER)
                        .team(environment.getTeamId()).target("schedule", environmentId)
                        .detail("name", environment.getName()).detail("differences", drift));
            }
            store.recordCheck(environmentId, drift == null ? MirrorStatus.State.IN_SYNC : MirrorStatus.State.DRIFTED,
                    drift, wanted, now);
        } catch (CloudException e) {
            if (row.status().state() != MirrorStatus.State.FAILED) {
                audit.record(AuditEntry.failure("schedule.mirror.failed").actor(AuditEntry.SCHEDULER)
                        .team(environment.getTeamId()).target("schedule", environmentId)
                        .detail("name", environment.getName()).detail("error", e.getMessage()));
            }
            store.recordCheck(environmentId, MirrorStatus.State.FAILED, e.getMessage(), null, now);
        }
    }

    private boolean inSharedNetwork(long environmentId) {
        EnvironmentNetworks shared = networks.getIfAvailable();
        return shared != null && shared.networkOf(environmentId).isPresent();
    }

    /**
     * What differs between what the portal wrote and what the cloud holds, leaving out one-time schedules that have
     * run (the cloud deletes them); null when nothing does.
     */
    static String differences(List<MirroredSchedule> written, List<MirroredSchedule> actual, Instant now) {
        Map<String, MirroredSchedule> before = upcoming(written, now);
        Map<String, MirroredSchedule> found = upcoming(actual, now);
        List<String> differences = new ArrayList<>();
        before.forEach((name, schedule) -> {
            if (!found.containsKey(name)) {
                differences.add(name + " missing");
            } else if (!found.get(name).equals(schedule)) {
                differences.add(name + " changed to " + found.get(name).expression());
            }
        });
        found.keySet().stream().filter(name -> !before.containsKey(name)).forEach(name -> differences.add(name
                + " added"));
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    private static Map<String, MirroredSchedule> upcoming(List<MirroredSchedule> schedules, Instant now) {
        return schedules.stream().filter(s -> !s.oneTime() || ScheduleMirrors.oneTimeAt(s).isAfter(now))
                .collect(Collectors.toMap(MirroredSchedule::name, Function.identity(), (a, b) -> a));
    }
}
