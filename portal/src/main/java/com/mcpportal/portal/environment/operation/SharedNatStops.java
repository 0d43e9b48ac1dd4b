package com.mcpportal.portal.environment.operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentRepository;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentSettings;
import com.mcpportal.portal.environment.SharedNetworkPlacement;
import com.mcpportal.portal.jobs.QuartzJobs;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A shared network's NAT instance is stopped {@code portal.environments.shared-nat-stop-delay} after the last of its
 * environments stopped (the union schedule's lag), not at once: the last stop's stop-nat step leaves it running and
 * stores a one-shot Quartz job for then ({@link #defer}); a start of any member inside the delay deletes that job
 * under the network's lock ({@link #cancel}). When the job fires, on whichever portal instance is free, it takes the
 * network's lock and asks {@link SharedNatDemand} again, for every member: the NAT is stopped only if none needs it
 * then. The job is stored in the clustered job store, so a portal restarted in between still stops it (late: a missed
 * one fires as soon as a portal is up). A stop that fails is not left to the next environment's stop: the network
 * records the failure (its page shows it, and the first of a run of failures is audited) and the job is stored
 * again, after the delay for an error asking again may cure, after {@code shared-nat-stop-retry} for one only a
 * person can (access denied, a NAT instance terminated by hand), until a stop succeeds or an environment needs the NAT.
 */
@Component
class SharedNatStops {

    static final String GROUP = "shared-nat-stops";
    static final String NETWORK_ID = "networkId";
    static final String ENVIRONMENT_ID = "environmentId";

    private static final Logger log = LoggerFactory.getLogger(SharedNatStops.class);

    private final Scheduler scheduler;
    private final Duration delay;
    private final Duration retry;
    private final Clock clock;
    private final EnvironmentNetworks networks;
    private final SharedNatDemand demand;
    private final EnvironmentService environmentService;
    private final EnvironmentRepository environments;
    private final AuditLog auditLog;

    SharedNatStops(Scheduler scheduler, EnvironmentSettings settings, Clock clock, EnvironmentNetworks networks,
            SharedNatDemand demand, EnvironmentService environmentService, EnvironmentRepository environments,
            AuditLog auditLog) {
        this.scheduler = scheduler;
        this.delay = settings.sharedNatStopDelay();
        this.retry = settings.sharedNatStopRetry();
        this.clock = clock;
        this.networks = networks;
        this.demand = demand;
        this.environmentService = environmentService;
        this.environments = environments;
        this.auditLog = auditLog;
    }

    /** The deferred stop as one environment's steps see it: that of its network, on its behalf. */
    Of of(long networkId, long environmentId) {
        return new Of(this, networkId, environmentId);
    }

    /** {@link #defer} and {@link #cancel} for one environment of one network. */
    record Of(SharedNatStops stops, long networkId, long environmentId) {

        Optional<Instant> defer() {
            return stops.defer(networkId, environmentId);
        }

        void cancel() {
            stops.cancel(networkId);
        }
    }

    static JobKey jobKey(long networkId) {
        return JobKey.jobKey("network-" + networkId, GROUP);
    }

    /**
     * Stores (or moves) the network's deferred stop to the delay from now, on behalf of {@code environmentId}, the
     * last of its environments to stop; empty when the delay is zero: the caller stops the NAT at once.
     *
     * @return when the NAT will be stopped, by the portal's clock
     */
    Optional<Instant> defer(long networkId, long environmentId) {
        if (delay.isZero()) {
            return Optional.empty();
        }
        schedule(networkId, environmentId, delay);
        return Optional.of(clock.instant().plus(delay));
    }

    /** Stores (or moves) the network's stop job to {@code after} from now. */
    private void schedule(long networkId, long environmentId, Duration after) {
        JobDetail job = JobBuilder.newJob(SharedNatStopJob.class).withIdentity(jobKey(networkId))
                .withDescription("Stop the shared NAT instance of network " + networkId + " if no environment needs it")
                .usingJobData(NETWORK_ID, networkId).usingJobData(ENVIRONMENT_ID, environmentId).requestRecovery()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger().forJob(job)
                .withIdentity(TriggerKey.triggerKey("network-" + networkId, GROUP))
                .startAt(Date.from(QuartzJobs.schedulerNow().plus(after)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not store the deferred stop of network " + networkId
                    + "'s NAT instance", e);
        }
    }

    /** Drops the network's deferred stop, if any: an environment of the network starts (call under its lock). */
    void cancel(long networkId) {
        try {
            scheduler.deleteJob(jobKey(networkId));
        } catch (SchedulerException e) {
            // The deferred stop asks again when it fires, so a start that could not drop it is still safe.
            log.warn("Could not drop the deferred stop of network {}'s NAT instance: {}", networkId, e.getMessage());
        }
        networks.natStopSettled(networkId);
    }

    /**
     * The deferred stop, when it is due: under the network's lock, the NAT is stopped if no environment of the
     * network needs it now, and the stop is audited on the environment whose stop deferred it.
     */
    void stopIfUnneeded(long networkId, long environmentId) {
        Member member = member(networkId, environmentId).orElse(null);
        if (member == null) {
            log.info("Network {} has no environment any more; its NAT instance is left to the network's deletion",
                    networkId);
            return;
        }
        networks.exclusively(networkId, () -> {
            if (demand.anyNeedsNat(networkId)) {
                log.info("The NAT instance of network {} stays on: an environment needs it again", networkId);
                networks.natStopSettled(networkId);
                return null;
            }
            String network = member.placement().networkName();
            try {
                member.cloud().provider().stopSharedNat(member.placement().ref(member.cloud().ref().target()));
            } catch (CloudException e) {
                failed(networkId, member, network, e);
                return null;
            }
            AuditEntry stopped = entry(AuditEntry.success("environment.shared-nat.stopped"), member.environment())
                    .detail("network", network).detail("delay", delay.toMinutes() + " min");
            auditLog.record(networks.natStopSettled(networkId) ? stopped.detail("retried", true) : stopped);
            return null;
        });
    }

    /**
     * Costs NAT hours, never safety: recorded for the network's page, audited when it is the first failure of a
     * run, and tried again (after the delay if asking again can help, else after the retry interval).
     */
    private void failed(long networkId, Member member, String network, CloudException e) {
        Duration again = e.retryable() && !delay.isZero() ? delay : retry;
        Instant retryAt = clock.instant().plus(again);
        log.warn("Could not stop the NAT instance of network {} (tried again in {}): {}", networkId, again,
                e.getMessage());
        if (networks.natStopFailed(networkId, clock.instant(), e.getMessage(), retryAt)) {
            auditLog.record(entry(AuditEntry.failure("environment.shared-nat.stopped"), member.environment())
                    .detail("network", network).detail("error", e.getMessage())
                    .detail("retryIn", again.toMinutes() + " min"));
        }
        schedule(networkId, member.environment().getId(), again);
    }

    /** The environment that deferred the stop if it is still in the network, else any environment still in it. */
    private Optional<Member> member(long networkId, long environmentId) {
        List<Long> members = networks.environmentsIn(networkId);
        List<Long> candidates = new ArrayList<>(members.contains(environmentId) ? List.of(environmentId) : List.of());
        candidates.addAll(members);
        for (long id : candidates) {
            Optional<SharedNetworkPlacement> placement = networks.networkOf(id)
                    .filter(p -> p.networkId() == networkId);
            Optional<Environment> environment = environments.findById(id);
            if (placement.isPresent() && environment.isPresent()) {
                return Optional.of(new Member(environment.get(), placement.get(), environmentService.cloudOf(id)));
            }
        }
        return Optional.empty();
    }

    private static AuditEntry entry(AuditEntry base, Environment environment) {
        return base.team(environment.getTeamId()).target("environment", environment.getId())
                .actor(AuditEntry.SCHEDULER).detail("name", environment.getName());
    }

    private record Member(Environment environment, SharedNetworkPlacement placement, EnvironmentCloud cloud) {
    }
}
