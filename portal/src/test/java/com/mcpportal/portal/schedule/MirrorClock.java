package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.cloud.MirroredSchedule;

/**
 * Test-side reading of mirrored schedules as EventBridge Scheduler documents them, written apart from the
 * translation: the subset it emits ({@code cron(m h ? * DAYS *)}, {@code at(yyyy-MM-ddTHH:mm:ss)}) in the schedule's
 * zone, a wall-clock time that does not exist never firing and one that exists twice firing at its first
 * occurrence, start and end dates inclusive, one-time schedules firing at their minute.
 */
final class MirrorClock {

    private static final Pattern CRON = Pattern.compile("cron\\((\\d+) (\\d+) \\? \\* ([A-Z,]+) \\*\\)");
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)\\)");

    private final MirroredSchedule schedule;
    private final ZoneRules rules;
    private final int minute;
    private final int hour;
    private final Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    private final Instant once;

    MirrorClock(MirroredSchedule schedule) {
        this.schedule = schedule;
        this.rules = ZoneId.of(schedule.timezone()).getRules();
        Matcher cron = CRON.matcher(schedule.expression());
        Matcher at = AT.matcher(schedule.expression());
        if (cron.matches()) {
            minute = Integer.parseInt(cron.group(1));
            hour = Integer.parseInt(cron.group(2));
            for (String day : cron.group(3).split(",")) {
                days.add(parseDay(day));
            }
            once = null;
        } else if (at.matches()) {
            minute = -1;
            hour = -1;
            LocalDateTime local = LocalDateTime.parse(at.group(1));
            once = local.atZone(ZoneId.of(schedule.timezone())).toInstant();
        } else {
            throw new AssertionError("Not an expression the translation emits: " + schedule.expression());
        }
    }

    static List<MirrorClock> of(List<MirroredSchedule> schedules) {
        return schedules.stream().map(MirrorClock::new).toList();
    }

    MirroredSchedule schedule() {
        return schedule;
    }

    /** Whether it fires in the minute starting at {@code instant} (a whole minute). */
    boolean firesAt(Instant instant) {
        return firesAt(instant, null, null);
    }

    /**
     * The same, given the instant's wall-clock time in {@code zone} when the caller has it already (a property test
     * asks every schedule every minute of a year: the conversion is most of the cost).
     */
    boolean firesAt(Instant instant, ZoneId zone, LocalDateTime localInZone) {
        if (schedule.startDate() != null && instant.isBefore(schedule.startDate())
                || schedule.endDate() != null && instant.isAfter(schedule.endDate())) {
            return false;
        }
        if (once != null) {
            return once.equals(instant);
        }
        LocalDateTime local = localInZone != null && zone.getId().equals(schedule.timezone()) ? localInZone
                : LocalDateTime.ofInstant(instant, rules.getOffset(instant));
        if (local.getMinute() != minute || local.getHour() != hour || !days.contains(local.getDayOfWeek())) {
            return false;
        }
        // Twice on a fall-back day: only the earlier of the two instants fires.
        return rules.getValidOffsets(local).stream().map(local::toInstant).min(Instant::compareTo).orElseThrow()
                .equals(instant);
    }

    private static DayOfWeek parseDay(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).equals(name.toUpperCase(Locale.ROOT))) {
                return day;
            }
        }
        throw new AssertionError("Not a day: " + name);
    }
}
