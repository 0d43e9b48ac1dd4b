package com.mcpportal.portal.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.OnInterval;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;
import org.junit.jupiter.api.Test;

/** Worked examples of the shared NAT's hours. */
class UnionScheduleTests {

    private static final Instant MONDAY = Instant.parse("2027-01-04T00:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static Schedule monday(String start, String end) {
        return Schedule.weekly(UTC, List.of(ScheduleWindow.of(DayOfWeek.MONDAY, start, end)));
    }

    @Test
    void twoOverlappingMembersGiveOneStretchStartedFiveMinutesBeforeTheFirstAndStoppedTenAfterTheLast() {
        // Given a Berlin team on 08–20 UTC and a second team on 09–17 UTC, on Monday
        List<NetworkMember> members = List.of(new NetworkMember(1, monday("08:00", "20:00"), false),
                new NetworkMember(2, monday("09:00", "17:00"), false));

        // When the NAT's day is worked out
        List<OnInterval> nat = UnionSchedule.natOn(members, MONDAY, MONDAY.plus(Duration.ofDays(1)), NatTiming.DEFAULT);

        // Then it runs once, 07:55 to 20:10
        assertThat(nat).containsExactly(new OnInterval(Instant.parse("2027-01-04T07:55:00Z"),
                Instant.parse("2027-01-04T20:10:00Z")));
    }

    @Test
    void aGapShorterThanTheMarginsKeepsTheNatOnAndALongerOneStopsIt() {
        List<NetworkMember> members = List.of(new NetworkMember(1, monday("08:00", "12:00"), false),
                new NetworkMember(2, monday("12:10", "13:00"), false),
                new NetworkMember(3, monday("18:00", "19:00"), false));

        List<OnInterval> nat = UnionSchedule.natOn(members, MONDAY, MONDAY.plus(Duration.ofDays(1)), NatTiming.DEFAULT);

        assertThat(nat).containsExactly(
                new OnInterval(Instant.parse("2027-01-04T07:55:00Z"), Instant.parse("2027-01-04T13:10:00Z")),
                new OnInterval(Instant.parse("2027-01-04T17:55:00Z"), Instant.parse("2027-01-04T19:10:00Z")));
    }

    @Test
    void aManualStartOfOneMemberRunsTheNatUntilItEndsAndARunningServiceKeepsItOn() {
        // Given an always-off member someone started until 15:00, and another whose stop is still in progress
        Schedule off = Schedule.weekly(UTC, List.of());
        NetworkMember started = new NetworkMember(1, off.withOverride(new ManualOverride(PowerState.ON,
                Instant.parse("2027-01-04T15:00:00Z"))), false);
        NetworkMember stopping = new NetworkMember(2, off, true);

        // Then the NAT runs until 15:10 for the first, and is on now for the second alone
        assertThat(UnionSchedule.natOn(List.of(started), Instant.parse("2027-01-04T14:00:00Z"),
                Instant.parse("2027-01-04T16:00:00Z"), NatTiming.DEFAULT)).containsExactly(new OnInterval(
                Instant.parse("2027-01-04T14:00:00Z"), Instant.parse("2027-01-04T15:10:00Z")));
        assertThat(UnionSchedule.natStateAt(List.of(stopping), Instant.parse("2027-01-04T03:00:00Z"),
                NatTiming.DEFAULT)).isEqualTo(PowerState.ON);
        assertThat(UnionSchedule.natStateAt(List.of(new NetworkMember(2, off, false)),
                Instant.parse("2027-01-04T03:00:00Z"), NatTiming.DEFAULT)).isEqualTo(PowerState.OFF);
    }

    @Test
    void theNextChangesAreTheEdgesTheNatIsStartedAndStoppedAt() {
        List<NetworkMember> members = List.of(new NetworkMember(1, monday("08:00", "20:00"), false),
                new NetworkMember(2, monday("09:00", "21:00"), false));

        assertThat(UnionSchedule.nextNatTransitions(members, MONDAY, 3, NatTiming.DEFAULT))
                .extracting(t -> t.at() + " " + t.state())
                .containsExactly("2027-01-04T07:55:00Z ON", "2027-01-04T21:10:00Z OFF", "2027-01-11T07:55:00Z ON");
        assertThat(UnionSchedule.nextNatTransitions(List.of(new NetworkMember(1, Schedule.weekly(UTC, List.of()), false)),
                MONDAY, 3, NatTiming.DEFAULT)).as("a network whose members are never on never starts its NAT").isEmpty();
    }

    @Test
    void theNatStartsBeforeAMembersStartJustAfterTheRangeEnds() {
        List<NetworkMember> members = List.of(new NetworkMember(1, monday("08:00", "09:00"), false));

        assertThat(UnionSchedule.natStateAt(members, Instant.parse("2027-01-04T07:56:00Z"), NatTiming.DEFAULT))
                .isEqualTo(PowerState.ON);
        assertThat(UnionSchedule.natStateAt(members, Instant.parse("2027-01-04T07:54:59Z"), NatTiming.DEFAULT))
                .isEqualTo(PowerState.OFF);
        assertThat(UnionSchedule.natStateAt(members, Instant.parse("2027-01-04T09:09:59Z"), NatTiming.DEFAULT))
                .isEqualTo(PowerState.ON);
        assertThat(UnionSchedule.natStateAt(members, Instant.parse("2027-01-04T09:10:00Z"), NatTiming.DEFAULT))
                .isEqualTo(PowerState.OFF);
    }
}
