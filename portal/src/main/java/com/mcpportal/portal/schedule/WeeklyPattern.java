package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.cloud.MirrorAction;

/**
 * A schedule's weekly windows as wall-clock minutes of the week (Monday 00:00 is minute 0), merged where they touch
 * or overlap and wrapping from Sunday night into Monday, and the recurring edges that follow from them: the
 * service's own, and the NAT's, widened by the lead and lag (in wall-clock minutes: on a daylight-saving day the
 * real margin differs, which the horizon's corrections put right). Exceptions and overrides are not in it.
 */
final class WeeklyPattern {

    static final int WEEK = 7 * 1440;

    /** One recurring edge: the action, at this wall-clock minute of the day, on these weekdays. */
    record Edge(MirrorAction action, int minuteOfDay, Set<DayOfWeek> days) {
    }

    private final boolean[] service = new boolean[WEEK];
    private final boolean[] nat = new boolean[WEEK];

    WeeklyPattern(List<ScheduleWindow> windows, int leadMinutes, int lagMinutes) {
        for (ScheduleWindow window : windows) {
            int from = (window.day().getValue() - 1) * 1440 + window.startSecond() / 60;
            int to = (window.day().getValue() - 1) * 1440 + ceilMinutes(window.endSecond());
            for (int minute = from; minute < to; minute++) {
                service[Math.floorMod(minute, WEEK)] = true;
            }
        }
        // The NAT is on at minute i if the service is on at any minute from i - lag to i + lead.
        for (int minute = 0; minute < WEEK; minute++) {
            if (service[minute]) {
                for (int i = minute - leadMinutes; i <= minute + lagMinutes; i++) {
                    nat[Math.floorMod(i, WEEK)] = true;
                }
            }
        }
    }

    /** Every recurring edge, those at one minute of the day grouped over their weekdays (one cron each). */
    List<Edge> edges() {
        Map<String, Edge> grouped = new LinkedHashMap<>();
        collect(service, MirrorAction.START_SERVICE, MirrorAction.STOP_SERVICE, grouped);
        collect(nat, MirrorAction.START_NAT, MirrorAction.STOP_NAT, grouped);
        return new ArrayList<>(grouped.values());
    }

    private static void collect(boolean[] on, MirrorAction start, MirrorAction stop, Map<String, Edge> grouped) {
        for (int minute = 0; minute < WEEK; minute++) {
            boolean before = on[Math.floorMod(minute - 1, WEEK)];
            if (on[minute] != before) {
                MirrorAction action = on[minute] ? start : stop;
                int minuteOfDay = minute % 1440;
                DayOfWeek day = DayOfWeek.of(minute / 1440 + 1);
                grouped.computeIfAbsent(action + "@" + minuteOfDay,
                        key -> new Edge(action, minuteOfDay, EnumSet.noneOf(DayOfWeek.class))).days().add(day);
            }
        }
    }

    private static int ceilMinutes(int seconds) {
        return (seconds + 59) / 60;
    }
}
