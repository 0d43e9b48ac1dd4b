package com.mcpportal.portal.schedule.power;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentNotFoundException;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.operation.PowerBatch;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleSettings;
import com.mcpportal.portal.schedule.ScheduleText;
import com.mcpportal.portal.schedule.Transition;
import com.mcpportal.portal.schedule.store.ScheduleStore;

import org.springframework.stereotype.Component;

/**
 * Keeps every ready environment's power on its schedule. Three ways in, one decision ({@link PowerDecision}):
 * <ul>
 *     <li>{@link #edgeFired}: an environment's edge trigger fired; act, then arm the next edge;</li>
 *     <li>{@link #reconcileAll}: the periodic pass over every ready environment catches missed triggers, portal
 *     downtime and drift, and arms triggers that are missing or removes stale ones;</li>
 *     <li>{@link #reconcileOne}: right after a schedule or override change, or after provisioning.</li>
 * </ul>
 * Actions go through {@link PowerSwitch}, which decides again under the environment's row lock, so two instances
 * (or a trigger and the pass) never enqueue twice for one edge. The audit events of the operations say actor
 * {@code scheduler} and why. An environment whose hours its cloud keeps is looked at first ({@link MirroredEdges}):
 * what the cloud made is recorded as {@code aws-scheduler}'s, not made again.
 */
@Component
public class ScheduleReconciler {

    private static final Logger log = LoggerFactory.getLogger(ScheduleReconciler.class);

    /** Environments per transaction when the pass starts or stops many at once. */
    static final int BATCH = 500;

    /** The counts of one pass, by verdict, and how long it took. */
    public record PassReport(int environments, Map<PowerDecision.Verdict, Integer> verdicts, int enqueued,
            int armed, int disarmed, Duration took) {
    }

    private final ReadyEnvironments readyEnvironments;
    private final PowerSwitch powerSwitch;
    private final MirroredEdges mirrored;
    private final EdgeTriggers triggers;
    private final ScheduleStore store;
    private final EnvironmentService environments;
    private final ScheduleSettings settings;
    private final Clock clock;
    private final Timer passTimer;

    ScheduleReconciler(ReadyEnvironments readyEnvironments, PowerSwitch powerSwitch, MirroredEdges mirrored,
            EdgeTriggers triggers, ScheduleStore store, EnvironmentService environments, ScheduleSettings settings,
            Clock clock, MeterRegistry registry) {
        this.readyEnvironments = readyEnvironments;
        this.mirrored = mirrored;
        this.powerSwitch = powerSwitch;
        this.triggers = triggers;
        this.store = store;
        this.environments = environments;
        this.settings = settings;
        this.clock = clock;
        this.passTimer = Timer.builder("portal.schedules.reconcile")
                .description("One reconcile pass over every ready environment").register(registry);
    }

    /** One pass over every ready environment; does nothing when {@code portal.schedules.enforce} is off. */
    public PassReport reconcileAll() {
        long started = System.nanoTime();
        if (!settings.enforce()) {
            return new PassReport(0, Map.of(), 0, 0, 0, Duration.ZERO);
        }
        Instant now = clock.instant();
        List<ReadyEnvironment> ready = readyEnvironments.allWithoutOperations();
        Map<PowerDecision.Verdict, Integer> verdicts = new EnumMap<>(PowerDecision.Verdict.class);
        // Only an environment out of its desired state needs its latest operation (busy? a person's change held?).
        List<ReadyEnvironment> outOfState = new ArrayList<>();
        for (ReadyEnvironment environment : ready) {
            if (PowerDecision.inDesiredState(environment, now)) {
                verdicts.merge(PowerDecision.Verdict.IN_STATE, 1, Integer::sum);
            } else {
                outOfState.add(environment);
            }
        }
        List<PowerSwitch.Turn> turns = new ArrayList<>();
        Set<Long> kept = outOfState.isEmpty() ? Set.of() : mirrored.kept();
        for (ReadyEnvironment environment : readyEnvironments.withLatestOperations(outOfState)) {
            PowerDecision decision = PowerDecision.decide(environment, now);
            verdicts.merge(decision.verdict(), 1, Integer::sum);
            if (decision.acts()) {
                // Hours kept in the cloud: what it made (the portal was down, or its edge is late) is recorded only.
                MirroredEdges.Next next = mirrored.before(environment, decision, "reconcile pass: "
                        + ScheduleText.currentReason(environment.schedule(), now), kept.contains(environment.id()), now);
                if (next.move() == MirroredEdges.Move.ACT) {
                    turns.add(new PowerSwitch.Turn(environment.id(), decision.desired(),
                            environment.latest() == null ? null : environment.latest().id(), next.reason()));
                }
            }
        }
        int enqueued = act(turns);
        int[] synced = syncTriggers(ready, now);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        passTimer.record(took);
        PassReport report = new PassReport(ready.size(), verdicts, enqueued, synced[0], synced[1], took);
        if (enqueued > 0 || synced[0] > 0 || synced[1] > 0) {
            log.info("Schedule reconcile pass: {}", report);
        }
        return report;
    }

    /** Decides for one environment now (after its schedule changed, or it became ready) and arms its trigger. */
    public Optional<PowerBatch.Outcome> reconcileOne(long environmentId, String cause) {
        if (!settings.enforce()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ReadyEnvironment> ready = readyEnvironments.one(environmentId);
        if (ready.isEmpty()) {
            rearmIfKept(environmentId, now);
            return Optional.empty();
        }
        ReadyEnvironment environment = ready.get();
        armNext(environment.teamId(), environmentId, now);
        PowerDecision decision = PowerDecision.decide(environment, now);
        if (!decision.acts()) {
            return Optional.empty();
        }
        return Optional.of(act(environment, decision, cause + ": "
                + ScheduleText.currentReason(environment.schedule(), now)));
    }

    /** The environment's edge trigger fired (maybe late, after a misfire): act if needed, arm the next edge. */
    public void edgeFired(long environmentId, Instant scheduledAt) {
        if (!settings.enforce()) {
            return;
        }
        Instant now = clock.instant().isBefore(scheduledAt) ? scheduledAt : clock.instant();
        Optional<ReadyEnvironment> ready = readyEnvironments.one(environmentId);
        if (ready.isEmpty()) {
            rearmIfKept(environmentId, now);
            return;
        }
        ReadyEnvironment environment = ready.get();
        PowerDecision decision = PowerDecision.decide(environment, now);
        PowerBatch.Outcome result = null;
        if (decision.acts()) {
            MirroredEdges.Next next = mirrored.before(environment, decision, edgeReason(environment.schedule(),
                    scheduledAt, decision.desired(), now), mirrored.kept(environmentId), now);
            if (next.move() == MirroredEdges.Move.WAIT) {
                triggers.arm(environmentId, next.lookAgainAt()); // the cloud's own edge may still be on its way
                return;
            }
            if (next.move() == MirroredEdges.Move.ACT) {
                result = act(environment, decision, next.reason());
            }
        } else {
            log.debug("Edge of environment {} at {}: {}", environmentId, scheduledAt, decision);
        }
        boolean waiting = decision.verdict() == PowerDecision.Verdict.BUSY && !environment.underway(decision.desired());
        if (waiting || result == PowerBatch.Outcome.BUSY) {
            // The edge is due but another operation is running: look again shortly rather than at the next pass.
            // (Not when that operation is already the start or stop this edge wants, e.g. the pass's at a shared
            // edge: then the next edge is what to arm.)
            triggers.arm(environmentId, now.plus(settings.busyRetry()));
        } else {
            armNext(environment.teamId(), environmentId, now);
        }
    }

    /** The reason of the transition the trigger was armed for, when it still is one; else why the state is due. */
    static String edgeReason(Schedule schedule, Instant scheduledAt, PowerState desired, Instant now) {
        List<Transition> due = schedule.nextTransitions(scheduledAt.minusSeconds(1), 1);
        if (!due.isEmpty() && !due.get(0).at().isAfter(now) && due.get(0).state() == desired) {
            return due.get(0).reason();
        }
        return ScheduleText.currentReason(schedule, now);
    }

    /**
     * The pass's starts and stops, {@value #BATCH} environments per transaction (a shared edge brings thousands at
     * once). A batch that fails is tried again one environment at a time, so one environment's trouble does not keep
     * the others off their schedules; what still fails is logged and left to the next pass.
     *
     * @return how many were enqueued
     */
    private int act(List<PowerSwitch.Turn> turns) {
        int enqueued = 0;
        for (int from = 0; from < turns.size(); from += BATCH) {
            List<PowerSwitch.Turn> batch = turns.subList(from, Math.min(from + BATCH, turns.size()));
            try {
                enqueued += (int) powerSwitch.turnAll(batch).values().stream()
                        .filter(PowerBatch.Outcome.ENQUEUED::equals).count();
            } catch (RuntimeException batchFailed) {
                log.warn("Reconcile pass: a batch of {} environments failed ({}); trying them one by one",
                        batch.size(), batchFailed.toString());
                for (PowerSwitch.Turn turn : batch) {
                    try {
                        if (powerSwitch.turn(turn.environmentId(), turn.desired(), turn.seenOperationId(),
                                turn.reason()) == PowerBatch.Outcome.ENQUEUED) {
                            enqueued++;
                        }
                    } catch (RuntimeException e) {
                        log.error("Reconcile pass: could not act on environment {}", turn.environmentId(), e);
                    }
                }
            }
        }
        return enqueued;
    }

    private PowerBatch.Outcome act(ReadyEnvironment environment, PowerDecision decision, String reason) {
        Long seen = environment.latest() == null ? null : environment.latest().id();
        PowerBatch.Outcome result = powerSwitch.turn(environment.id(), decision.desired(), seen, reason);
        log.debug("Environment {}: {} ({}) -> {}", environment.id(), decision.verdict(), reason, result);
        return result;
    }

    /** An environment that is not ready keeps its trigger (it may become ready again) unless it is gone. */
    private void rearmIfKept(long environmentId, Instant now) {
        Environment environment;
        try {
            environment = environments.get(environmentId);
        } catch (EnvironmentNotFoundException gone) {
            triggers.disarm(environmentId);
            return;
        }
        if (environment.getState() == EnvironmentState.DELETED || environment.getState() == EnvironmentState.DRAFT) {
            triggers.disarm(environmentId);
        } else {
            armNext(environment.getTeamId(), environmentId, now);
        }
    }

    /** Arms the next edge of the schedule as stored when the trigger is written, not as read earlier. */
    private void armNext(long teamId, long environmentId, Instant now) {
        triggers.armNext(environmentId, () -> store.lockedForEnvironment(teamId, environmentId), now);
    }

    /** Whether this pass armed the trigger; a failure is logged and left to the next pass. */
    private boolean armIfMissing(long environmentId, Instant at) {
        try {
            return triggers.armIfMissing(environmentId, at);
        } catch (RuntimeException e) {
            log.error("Reconcile pass: could not arm the trigger of environment {}", environmentId, e);
            return false;
        }
    }

    private static boolean quietly(String verb, long environmentId, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException e) {
            log.error("Reconcile pass: could not {} the trigger of environment {}", verb, environmentId, e);
            return false;
        }
    }

    /** Arms missing triggers of ready environments and removes those of environments that are gone: {armed, removed}. */
    private int[] syncTriggers(List<ReadyEnvironment> ready, Instant now) {
        Set<Long> armed = triggers.armed();
        Set<Long> readyIds = new HashSet<>();
        int added = 0;
        for (ReadyEnvironment environment : ready) {
            readyIds.add(environment.id());
            if (!armed.contains(environment.id())) {
                List<Transition> next = environment.schedule().nextTransitions(now, 1);
                if (!next.isEmpty() && armIfMissing(environment.id(), next.get(0).at())) {
                    added++;
                }
            }
        }
        int removed = 0;
        for (Long id : armed) {
            if (!readyIds.contains(id)) {
                boolean gone;
                try {
                    EnvironmentState state = environments.get(id).getState();
                    gone = state == EnvironmentState.DELETED || state == EnvironmentState.DRAFT;
                } catch (EnvironmentNotFoundException missing) {
                    gone = true;
                }
                if (gone && quietly("remove", id, () -> triggers.disarm(id))) {
                    removed++;
                }
            }
        }
        return new int[] {added, removed};
    }
}
