package com.mcpportal.portal.network;

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

import com.mcpportal.portal.schedule.DateException;
import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;
import com.mcpportal.portal.schedule.WhenDisabled;

/**
 * Seeded generator of member sets for the union schedule's property tests: one to six members, each a schedule in
 * its own zone with windows (midnight-crossing ones too), date exceptions and sometimes a manual start or stop, all
 * on whole quarter hours so minute sampling sees every edge. A failing case names its seed.
 */
final class MemberSchedules {

    static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
            "Australia/Lord_Howe", "America/St_Johns");
    static final LocalDate FIRST_DAY = LocalDate.parse("2027-03-20");
    static final Instant FIRST_INSTANT = Instant.parse("2027-03-20T00:00:00Z");

    private final Random random;

    MemberSchedules(long seed) {
        this.random = new Random(seed);
    }

    static Stream<Long> seeds(int tries) {
        return LongStream.range(0, tries).map(i -> 0x4E47L * 31 + i).boxed();
    }

    /** A start instant on a whole minute within the first three weeks (DST changes in Europe and the US fall in it). */
    Instant instant() {
        return FIRST_INSTANT.plusSeconds(random.nextLong(21L * 24 * 60) * 60);
    }

    List<NetworkMember> members() {
        List<NetworkMember> members = new ArrayList<>();
        for (int i = 1 + random.nextInt(6); i > 0; i--) {
            members.add(new NetworkMember(members.size() + 1, schedule(), random.nextInt(8) == 0));
        }
        return members;
    }

    private LocalTime time() {
        return LocalTime.ofSecondOfDay(random.nextInt(96) * 900L);
    }

    private Schedule schedule() {
        List<ScheduleWindow> windows = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            windows.add(new ScheduleWindow(DayOfWeek.of(1 + random.nextInt(7)), time(), time()));
        }
        List<DateException> exceptions = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            LocalDate first = FIRST_DAY.plusDays(random.nextInt(24));
            exceptions.add(switch (random.nextInt(3)) {
                case 0 -> DateException.off(first, first.plusDays(random.nextInt(3)));
                case 1 -> DateException.on(first);
                default -> DateException.on(first, time(), time());
            });
        }
        ManualOverride override = random.nextInt(3) != 0 ? null
                : new ManualOverride(random.nextBoolean() ? PowerState.ON : PowerState.OFF, instant());
        boolean enabled = random.nextInt(6) != 0;
        return new Schedule(ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))), windows, exceptions, override,
                enabled, random.nextBoolean() ? WhenDisabled.ALWAYS_ON : WhenDisabled.ALWAYS_OFF);
    }
}
