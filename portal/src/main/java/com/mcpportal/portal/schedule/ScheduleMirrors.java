package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.mcpportal.portal.cloud.MirrorAction;
import com.mcpportal.portal.cloud.MirroredSchedule;

/**
 * Translates an environment's schedule into the schedules its cloud keeps (EventBridge Scheduler), so its hours go
 * on while the portal is down. Pure: the instant is a parameter.
 *
 * <p>The weekly windows become one {@code cron(...)} per edge kind and wall-clock minute, in the schedule's zone, so
 * the cloud follows daylight saving time: the service's start and stop, the NAT's start {@code natLead} before and
 * stop {@code natLag} after. Within the horizon the exact hours of {@link ScheduleEvaluator} are then enforced:
 * every firing of a weekly schedule that would act against them (a holiday, a "keep on until", a stop that would
 * come inside an ON exception) is cut out by ending that schedule just before it and continuing it in a copy that
 * starts just after it, and every edge the weekly schedules do not make (an ON exception, an override running out,
 * an edge in a spring-forward gap, which the cloud skips where the portal moves it to the gap's end) becomes a
 * one-time {@code at(...)} schedule. Cutting by start and end dates rather than disabling the weekly schedules is
 * the choice that needs no one to undo it: after a holiday the weekly schedules carry on by themselves even if the
 * portal is still down, where disabled ones would wait for the portal to enable them again.
 *
 * <p>The cloud's rules this relies on (EventBridge Scheduler's documentation): a cron time that does not exist on a
 * spring-forward day is skipped, one that exists twice on a fall-back day fires once (the first, as the portal's
 * evaluator reads it), and targets are invoked within the minute.
 */
public final class ScheduleMirrors {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");
    private static final DateTimeFormatter AT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ScheduleMirrors() {
    }

    /** The schedules that keep the environment's hours from {@code now} on, exact up to {@code now + horizon}. */
    public static List<MirroredSchedule> translate(Schedule schedule, Instant now, MirrorSettings settings) {
        Instant end = now.plus(settings.horizon());
        List<OnInterval> serviceOn = ScheduleEvaluator.onIntervals(schedule,
                now.minus(settings.natLag()).minusSeconds(60), end.plus(settings.natLead()).plusSeconds(60));
        Hours service = new Hours(serviceOn);
        Hours nat = new Hours(widen(serviceOn, settings.natLead(), settings.natLag()));

        List<MirroredSchedule> mirrored = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        if (schedule.enabled()) {
            WeeklyPattern pattern = new WeeklyPattern(schedule.windows(), settings.natLeadMinutes(),
                    settings.natLagMinutes());
            for (WeeklyPattern.Edge edge : pattern.edges()) {
                Hours hours = edge.action().nat() ? nat : service;
                List<Instant> firings = firings(edge, schedule.zone().getRules(), now, end);
                List<Boolean> cut = new ArrayList<>(firings.size());
                for (Instant firing : firings) {
                    boolean agrees = hours.onAt(firing) == edge.action().turnsOn();
                    cut.add(!agrees);
                    if (agrees) {
                        covered.add(key(edge.action(), firing));
                    }
                }
                mirrored.addAll(segments(edge, schedule, firings, cut));
            }
        }
        addOneTime(service, MirrorAction.START_SERVICE, MirrorAction.STOP_SERVICE, now, end, covered, mirrored);
        addOneTime(nat, MirrorAction.START_NAT, MirrorAction.STOP_NAT, now, end, covered, mirrored);
        return mirrored;
    }

    /** Each edge of the exact hours in (now, end] that no weekly schedule makes, as a one-time schedule. */
    private static void addOneTime(Hours hours, MirrorAction start, MirrorAction stop, Instant now, Instant end,
            Set<String> covered, List<MirroredSchedule> mirrored) {
        for (OnInterval interval : hours.intervals) {
            addOneTime(start, interval.start(), now, end, covered, mirrored);
            addOneTime(stop, interval.end(), now, end, covered, mirrored);
        }
    }

    private static void addOneTime(MirrorAction action, Instant edge, Instant now, Instant end, Set<String> covered,
            List<MirroredSchedule> mirrored) {
        if (!edge.isAfter(now) || edge.isAfter(end) || covered.contains(key(action, edge))) {
            return;
        }
        // The cloud fires within the minute: an edge between whole minutes fires at the next one, never early.
        long seconds = edge.getEpochSecond();
        Instant at = Instant.ofEpochSecond(seconds % 60 == 0 && edge.getNano() == 0 ? seconds
                : (seconds / 60 + 1) * 60);
        LocalDateTime utc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        mirrored.add(new MirroredSchedule("once-" + label(action) + "-" + NAME_TIME.format(utc),
                "at(" + AT_TIME.format(utc) + ")", "UTC", action, null, null));
    }

    /**
     * The weekly schedule of one edge, cut around each run of firings that must not happen: it ends a minute before
     * the first of a run and a copy starts a minute after the last. A leading piece with nothing left to fire is
     * dropped; the last piece runs on for ever.
     */
    private static List<MirroredSchedule> segments(WeeklyPattern.Edge edge, Schedule schedule, List<Instant> firings,
            List<Boolean> cut) {
        String expression = cron(edge);
        String zone = schedule.zone().getId();
        String base = label(edge.action()) + "-" + hhmm(edge.minuteOfDay());
        List<MirroredSchedule> pieces = new ArrayList<>();
        Instant pieceStart = null;
        boolean pieceFires = false;
        for (int i = 0; i < firings.size(); i++) {
            if (!cut.get(i)) {
                pieceFires = true;
                continue;
            }
            if (pieceFires) {
                pieces.add(piece(base, expression, zone, edge.action(), pieceStart, firings.get(i).minusSeconds(60)));
            }
            while (i + 1 < firings.size() && cut.get(i + 1)) {
                i++;
            }
            pieceStart = firings.get(i).plusSeconds(60);
            pieceFires = false;
        }
        pieces.add(piece(base, expression, zone, edge.action(), pieceStart, null));
        return pieces;
    }

    private static MirroredSchedule piece(String base, String expression, String zone, MirrorAction action,
            Instant start, Instant end) {
        String name = start == null ? base : base + "-from-" + NAME_TIME.format(LocalDateTime.ofInstant(start,
                ZoneOffset.UTC));
        return new MirroredSchedule(name, expression, zone, action, start, end);
    }

    /** When a one-time schedule this class wrote fires ({@code at(...)} in UTC). */
    public static Instant oneTimeAt(MirroredSchedule schedule) {
        String at = schedule.expression().substring(3, schedule.expression().length() - 1);
        return LocalDateTime.parse(at).toInstant(ZoneOffset.UTC);
    }

    /** When the cloud fires the edge's cron in (from, to]: a wall-clock time in a gap never, one in an overlap once. */
    static List<Instant> firings(WeeklyPattern.Edge edge, ZoneRules rules, Instant from, Instant to) {
        List<Instant> firings = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(to, rules.getOffset(to)).plusDays(1);
        for (LocalDate day = LocalDate.ofInstant(from, rules.getOffset(from)).minusDays(1); !day.isAfter(last);
                day = day.plusDays(1)) {
            if (!edge.days().contains(day.getDayOfWeek())) {
                continue;
            }
            LocalDateTime local = day.atStartOfDay().plusMinutes(edge.minuteOfDay());
            List<ZoneOffset> offsets = rules.getValidOffsets(local);
            if (offsets.isEmpty()) {
                continue;
            }
            Instant firing = offsets.stream().map(offset -> local.toInstant(offset)).min(Instant::compareTo)
                    .orElseThrow();
            if (firing.isAfter(from) && !firing.isAfter(to)) {
                firings.add(firing);
            }
        }
        return firings;
    }

    /** {@code cron(0 8 ? * MON,TUE *)}: minutes, hours, day of month, month, day of week, year. */
    static String cron(WeeklyPattern.Edge edge) {
        String days = edge.days().stream().sorted().map(ScheduleMirrors::dayName).collect(Collectors.joining(","));
        return "cron(" + edge.minuteOfDay() % 60 + " " + edge.minuteOfDay() / 60 + " ? * " + days + " *)";
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
    }

    private static String label(MirrorAction action) {
        return switch (action) {
            case START_NAT -> "nat-on";
            case STOP_NAT -> "nat-off";
            case START_SERVICE -> "service-on";
            case STOP_SERVICE -> "service-off";
        };
    }

    private static String hhmm(int minuteOfDay) {
        return String.format(Locale.ROOT, "%02d%02d", minuteOfDay / 60, minuteOfDay % 60);
    }

    private static String key(MirrorAction action, Instant at) {
        return action + "@" + at.getEpochSecond();
    }

    /** The NAT's hours: each on-stretch of the service widened by the lead and lag, merged where they meet. */
    static List<OnInterval> widen(List<OnInterval> serviceOn, Duration lead, Duration lag) {
        List<OnInterval> widened = new ArrayList<>();
        for (OnInterval interval : serviceOn) {
            Instant start = interval.start().minus(lead);
            Instant end = interval.end().plus(lag);
            int lastIndex = widened.size() - 1;
            if (lastIndex >= 0 && !start.isAfter(widened.get(lastIndex).end())) {
                widened.set(lastIndex, new OnInterval(widened.get(lastIndex).start(), end));
            } else {
                widened.add(new OnInterval(start, end));
            }
        }
        return widened;
    }

    /** Sorted, separate on-stretches; what the mirrored schedules must reproduce. */
    private record Hours(List<OnInterval> intervals) {

        boolean onAt(Instant instant) {
            for (OnInterval interval : intervals) {
                if (!instant.isBefore(interval.start()) && instant.isBefore(interval.end())) {
                    return true;
                }
            }
            return false;
        }
    }
}
