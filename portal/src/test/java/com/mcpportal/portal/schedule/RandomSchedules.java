package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeded generator of awkward schedules for the property tests. Every case is named by its seed, so a
 * failing case is reproduced by running the generator with that seed again.
 */
final class RandomSchedules {

    static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kolkata", "Asia/Shanghai", "America/Santiago", "UTC", "Pacific/Chatham", "America/St_Johns",
            "Europe/London", "Africa/Casablanca", "America/Havana");
    static final LocalDate FIRST_DAY = LocalDate.parse("2026-12-01");
    static final Instant FIRST_INSTANT = Instant.parse("2026-12-01T00:00:00Z");

    private final Random random;

    RandomSchedules(long seed) {
        this.random = new Random(seed);
    }

    /** Seeds for {@code tries} cases; the base seed is fixed so every run checks the same cases. */
    static Stream<Long> seeds(int tries) {
        return LongStream.range(0, tries).map(i -> 0x5EEDL * 31 + i).boxed();
    }

    ZoneId zone() {
        return ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
    }

    /** A time on a whole quarter hour, so minute sampling sees every edge exactly. */
    LocalTime time() {
        return LocalTime.ofSecondOfDay(random.nextInt(96) * 900L);
    }

    Instant instant() {
        return FIRST_INSTANT.plusSeconds(random.nextLong(400L * 24 * 60 + 1) * 60);
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    boolean bool() {
        return random.nextBoolean();
    }

    Schedule schedule() {
        List<ScheduleWindow> windows = new ArrayList<>();
        for (int i = random.nextInt(7); i > 0; i--) {
            windows.add(new ScheduleWindow(DayOfWeek.of(between(1, 7)), time(), time()));
        }
        List<DateException> exceptions = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            exceptions.add(exception());
        }
        ManualOverride override = random.nextDouble() < 0.6 ? null
                : new ManualOverride(bool() ? PowerState.ON : PowerState.OFF, instant());
        boolean enabled = random.nextInt(4) != 0;
        WhenDisabled whenDisabled = bool() ? WhenDisabled.ALWAYS_ON : WhenDisabled.ALWAYS_OFF;
        return new Schedule(zone(), windows, exceptions, override, enabled, whenDisabled);
    }

    private DateException exception() {
        LocalDate first = FIRST_DAY.plusDays(between(0, 400));
        return switch (random.nextInt(3)) {
            case 0 -> DateException.off(first, first.plusDays(between(0, 12)));
            case 1 -> DateException.on(first);
            default -> DateException.on(first, time(), time());
        };
    }
}
