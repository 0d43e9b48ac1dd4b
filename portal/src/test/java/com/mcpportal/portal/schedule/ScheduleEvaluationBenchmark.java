package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark harness (not a test): one reconcile pass of {@code desiredStateAt} over 10,000 random schedules,
 * and the next transition of each. Run with
 * {@code java -cp <test classpath> com.mcpportal.portal.schedule.ScheduleEvaluationBenchmark}.
 */
public final class ScheduleEvaluationBenchmark {

    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Kolkata",
            "Australia/Lord_Howe", "Asia/Shanghai", "America/Los_Angeles", "Europe/London", "UTC");

    private ScheduleEvaluationBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<Schedule> schedules = randomSchedules(count, new Random(42));
        Instant now = Instant.parse("2027-03-28T00:30:00Z");
        for (int warm = 0; warm < 30; warm++) {
            pass(schedules, now.plusSeconds(warm * 600L));
        }
        long best = Long.MAX_VALUE;
        int on = 0;
        for (int round = 0; round < 20; round++) {
            long started = System.nanoTime();
            on = pass(schedules, now.plusSeconds(round * 60L));
            best = Math.min(best, System.nanoTime() - started);
        }
        long nextNanos = Long.MAX_VALUE;
        int withNext = 0;
        for (int round = 0; round < 10; round++) {
            long startedNext = System.nanoTime();
            withNext = 0;
            for (Schedule schedule : schedules) {
                withNext += ScheduleEvaluator.nextTransitions(schedule, now.plusSeconds(round * 60L), 1).size();
            }
            nextNanos = Math.min(nextNanos, System.nanoTime() - startedNext);
        }
        System.out.printf("desiredStateAt pass over %d schedules: best %.1f ms (%d on)%n", count, best / 1e6, on);
        System.out.printf("nextTransitions(.., 1) over %d schedules: best %.1f ms (%d with a next edge)%n",
                count, nextNanos / 1e6, withNext);
    }

    private static int pass(List<Schedule> schedules, Instant now) {
        int on = 0;
        for (Schedule schedule : schedules) {
            if (ScheduleEvaluator.desiredStateAt(schedule, now) == PowerState.ON) {
                on++;
            }
        }
        return on;
    }

    static List<Schedule> randomSchedules(int count, Random random) {
        List<Schedule> schedules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            List<ScheduleWindow> windows = new ArrayList<>();
            int startHour = 5 + random.nextInt(6);
            int length = 6 + random.nextInt(10);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.getValue() <= 5 || random.nextInt(4) == 0) {
                    windows.add(new ScheduleWindow(day, LocalTime.of(startHour, 0), LocalTime.of((startHour + length) % 24, 0)));
                }
            }
            List<DateException> exceptions = new ArrayList<>();
            for (int e = random.nextInt(4); e > 0; e--) {
                exceptions.add(DateException.off(LocalDate.of(2027, 1 + random.nextInt(12), 1 + random.nextInt(28))));
            }
            ManualOverride override = random.nextInt(10) == 0
                    ? new ManualOverride(PowerState.ON, Instant.parse("2027-03-28T00:00:00Z").plus(Duration.ofHours(random.nextInt(48))))
                    : null;
            schedules.add(new Schedule(zone, windows, exceptions, override, random.nextInt(20) != 0, WhenDisabled.ALWAYS_OFF));
        }
        return schedules;
    }
}
