package com.mcpportal.portal.schedule.web;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.MirrorStatus;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleText;
import com.mcpportal.portal.schedule.StoredSchedule;
import com.mcpportal.portal.schedule.Transition;

/**
 * What the schedule REST API answers. The plan's fields are those a PUT accepts, so a client can read, edit and put
 * back; the rest (where the plan comes from, the desired state now, the coming changes) is read-only.
 */
final class ScheduleApiResponses {

    private ScheduleApiResponses() {
    }

    /**
     * An environment's schedule.
     *
     * @param source   OWN, TEAM_DEFAULT or PORTAL_DEFAULT
     * @param override null when none is active
     * @param transitions the coming changes of desired state, soonest first (empty when the state never changes)
     */
    record EnvironmentScheduleJson(long environmentId, String source, Instant updatedAt, String updatedBy,
            String zone, boolean enabled, String whenDisabled, List<WindowJson> windows,
            List<ExceptionJson> exceptions, OverrideJson override, String summary, DesiredJson desired,
            List<TransitionJson> transitions, MirrorJson mirror, AutoscalingJson autoscaling) {

        static EnvironmentScheduleJson of(long environmentId, StoredSchedule stored, MirrorStatus mirror,
                TaskRange autoscaling, Instant now, int count) {
            Schedule schedule = stored.schedule().withoutExpiredOverride(now);
            ZoneId zone = schedule.zone();
            return new EnvironmentScheduleJson(environmentId, stored.source().name(), stored.updatedAt(),
                    stored.updatedBy(), zone.getId(), schedule.enabled(), schedule.whenDisabled().name(),
                    windowsOf(schedule), exceptionsOf(schedule),
                    schedule.override() == null ? null : OverrideJson.of(schedule.override(), zone),
                    ScheduleText.summary(schedule),
                    new DesiredJson(schedule.desiredStateAt(now).name(), ScheduleText.currentReason(schedule, now)),
                    schedule.nextTransitions(now, count).stream().map(t -> TransitionJson.of(t, zone)).toList(),
                    MirrorJson.of(mirror), autoscaling == null ? null : new AutoscalingJson(autoscaling.minTasks(),
                    autoscaling.maxTasks(), autoscaling.cpuTargetPercent()));
        }
    }

    /** CPU autoscaling while on (null: one task): the range of tasks and the average CPU it keeps them around. */
    record AutoscalingJson(int minTasks, int maxTasks, int cpuTargetPercent) {
    }

    /**
     * "Keep hours in AWS" and how the mirror stood when the portal last looked.
     *
     * @param state   null when the option is off; else PENDING (written by the next reconcile pass), IN_SYNC, DRIFTED
     *                (changed by hand there, put right) or FAILED
     * @param message what was found or went wrong (AWS's own message when FAILED); may be null
     */
    record MirrorJson(boolean keepInCloud, String state, String message, Instant checkedAt) {

        static MirrorJson of(MirrorStatus status) {
            return new MirrorJson(status.keepInCloud(), status.keepInCloud() ? status.state().name() : null,
                    status.message(), status.checkedAt());
        }
    }

    /** A team's default schedule, which new environments copy, and whether they keep their hours in AWS. */
    record TeamScheduleJson(long teamId, String source, Instant updatedAt, String updatedBy, String zone,
            boolean enabled, String whenDisabled, List<WindowJson> windows, List<ExceptionJson> exceptions,
            String summary, boolean keepInCloud) {

        static TeamScheduleJson of(long teamId, StoredSchedule stored, boolean keepInCloud) {
            Schedule schedule = stored.schedule();
            return new TeamScheduleJson(teamId, stored.source().name(), stored.updatedAt(), stored.updatedBy(),
                    schedule.zone().getId(), schedule.enabled(), schedule.whenDisabled().name(), windowsOf(schedule),
                    exceptionsOf(schedule), ScheduleText.summary(schedule), keepInCloud);
        }
    }

    record WindowJson(String day, String start, String end) {
    }

    /** @param start null with {@code end} for a whole day */
    record ExceptionJson(String first, String last, String state, String start, String end) {
    }

    /** @param untilLocal the end in the schedule's zone, e.g. {@code 2026-12-07T18:00} */
    record OverrideJson(String state, Instant until, String untilLocal, String text) {

        static OverrideJson of(ManualOverride override, ZoneId zone) {
            return new OverrideJson(override.state().name(), override.until(),
                    override.until().atZone(zone).toLocalDateTime().toString(), ScheduleText.override(override, zone));
        }
    }

    /** What the schedule wants now (ON or OFF) and why. */
    record DesiredJson(String state, String reason) {
    }

    /**
     * A coming change.
     *
     * @param local  the wall-clock time in the schedule's zone ({@code 2026-11-30T08:00})
     * @param offset the zone's offset then ({@code +01:00}), which tells DST apart
     * @param text   as the page shows it ({@code Mon 08:00 CET})
     */
    record TransitionJson(Instant at, String local, String offset, String text, String state, String reason) {

        static TransitionJson of(Transition transition, ZoneId zone) {
            ZonedDateTime local = transition.at().atZone(zone);
            return new TransitionJson(transition.at(), local.toLocalDateTime().toString(), local.getOffset().getId(),
                    ScheduleText.at(transition.at(), zone), transition.state().name(), transition.reason());
        }
    }

    private static List<WindowJson> windowsOf(Schedule schedule) {
        return schedule.windows().stream()
                .map(w -> new WindowJson(w.day().name(), hhmm(w.start()), hhmm(w.end()))).toList();
    }

    private static List<ExceptionJson> exceptionsOf(Schedule schedule) {
        return schedule.exceptions().stream().map(e -> new ExceptionJson(e.first().toString(), e.last().toString(),
                e.state().name(), e.start() == null ? null : hhmm(e.start()), e.end() == null ? null : hhmm(e.end())))
                .toList();
    }

    private static String hhmm(LocalTime time) {
        return time.getSecond() == 0 && time.getNano() == 0 ? time.toString().substring(0, 5) : time.toString();
    }
}
