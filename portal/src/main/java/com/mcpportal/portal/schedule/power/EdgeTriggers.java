package com.mcpportal.portal.schedule.power;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.Transition;

import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Quartz trigger per environment, at its schedule's next edge, in the clustered JDBC store. The trigger's key
 * is the environment's ({@code schedule-edges.environment-<id>}), so arming again replaces it and can never
 * duplicate it; all of them fire the one durable {@link ScheduleEdgeJob}. A missed edge (portal down, cluster busy)
 * fires once as soon as Quartz notices, then the job arms the next one.
 *
 * <p>Each change runs in a transaction of its own: Quartz's job store joins Spring's transactions, and only inside
 * one does its cluster-wide trigger lock last from "is there a trigger?" to "store it" (with auto-commit, two
 * instances arming one environment at once would both try to insert it). Call these methods outside the caller's
 * transaction anyway, so the trigger is visible to the scheduler threads as soon as this method returns.
 */
@Component
public class EdgeTriggers {

    public static final String GROUP = "schedule-edges";
    public static final JobKey JOB = JobKey.jobKey("schedule-edge", "schedules");
    public static final String ENVIRONMENT_ID = "environmentId";

    private final Scheduler scheduler;
    private final TransactionTemplate ownTransaction;

    EdgeTriggers(Scheduler scheduler, PlatformTransactionManager transactions) {
        this.scheduler = scheduler;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Arms the environment's trigger at {@code at}, replacing any it had. */
    void arm(long environmentId, Instant at) {
        Trigger trigger = trigger(environmentId, at);
        inOwnTransaction("arm", environmentId, () -> {
            replace(trigger);
            return null;
        });
    }

    private void replace(Trigger trigger) throws SchedulerException {
        if (scheduler.rescheduleJob(trigger.getKey(), trigger) == null) {
            try {
                scheduler.scheduleJob(trigger);
            } catch (ObjectAlreadyExistsException armedMeanwhile) {
                // another thread armed it between the two calls (a pass, an edge, a schedule change): this
                // call is the later one, so its edge replaces that one, as a reschedule would have
                scheduler.rescheduleJob(trigger.getKey(), trigger);
            }
        }
    }

    /**
     * Arms the edge only if the environment has no trigger now. The reconcile pass uses this: it decides from the
     * schedules it read when it began, so a trigger armed meanwhile (an edge that just fired and re-armed, a schedule
     * changed during the pass) is newer than what the pass knows and must stay.
     *
     * @return whether this call armed it
     */
    boolean armIfMissing(long environmentId, Instant at) {
        Trigger trigger = trigger(environmentId, at);
        return inOwnTransaction("arm", environmentId, () -> {
            if (scheduler.checkExists(trigger.getKey())) {
                return false;
            }
            try {
                scheduler.scheduleJob(trigger);
                return true;
            } catch (ObjectAlreadyExistsException armedByAnotherInstance) {
                // another instance or thread armed it between the check and here: theirs is at least as new
                return false;
            }
        });
    }

    private static Trigger trigger(long environmentId, Instant at) {
        return TriggerBuilder.newTrigger().withIdentity(key(environmentId)).forJob(JOB)
                .withDescription("next schedule edge of environment " + environmentId)
                .usingJobData(ENVIRONMENT_ID, environmentId)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    /**
     * Arms the next edge after {@code from} of the environment's schedule as committed now, or removes the trigger
     * when no edge is coming. The schedule is read by {@code lockedRead}, which locks its row, in the transaction
     * that writes the trigger: when two threads arm one environment at once (an override set while the follow-up of
     * its provisioning runs, say), the later one reads the newer schedule, so the edge that stays is the right one.
     */
    void armNext(long environmentId, Supplier<Schedule> lockedRead, Instant from) {
        inOwnTransaction("arm", environmentId, () -> {
            Optional<Transition> edge = lockedRead.get().nextTransitions(from, 1).stream().findFirst();
            if (edge.isPresent()) {
                replace(trigger(environmentId, edge.get().at()));
            } else {
                scheduler.unscheduleJob(key(environmentId));
            }
            return null;
        });
    }

    void disarm(long environmentId) {
        inOwnTransaction("remove", environmentId, () -> scheduler.unscheduleJob(key(environmentId)));
    }

    /** When the environment's trigger fires next, if it has one. */
    public Optional<Instant> nextFire(long environmentId) {
        try {
            Trigger trigger = scheduler.getTrigger(key(environmentId));
            return Optional.ofNullable(trigger == null ? null : trigger.getNextFireTime()).map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not read the schedule trigger of environment " + environmentId, e);
        }
    }

    /** The environments that have a trigger, in one query. */
    Set<Long> armed() {
        try {
            Set<Long> ids = new HashSet<>();
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
                ids.add(Long.parseLong(key.getName().substring("environment-".length())));
            }
            return ids;
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not list the schedule triggers", e);
        }
    }

    private <T> T inOwnTransaction(String verb, long environmentId, QuartzCall<T> call) {
        return ownTransaction.execute(status -> {
            try {
                return call.run();
            } catch (SchedulerException e) {
                throw new IllegalStateException("Could not " + verb + " the schedule trigger of environment "
                        + environmentId, e);
            }
        });
    }

    private interface QuartzCall<T> {
        T run() throws SchedulerException;
    }

    public static TriggerKey key(long environmentId) {
        return TriggerKey.triggerKey("environment-" + environmentId, GROUP);
    }
}
