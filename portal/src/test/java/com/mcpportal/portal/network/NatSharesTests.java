package com.mcpportal.portal.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.schedule.OnInterval;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;
import org.junit.jupiter.api.Test;

/** The fair split of a shared NAT's hours, worked out by hand. */
class NatSharesTests {

    static final Instant MONDAY = Instant.parse("2027-01-04T00:00:00Z");
    static final Instant NEXT_MONDAY = MONDAY.plus(Duration.ofDays(7));

    static Schedule weekdays(String start, String end) {
        List<ScheduleWindow> windows = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            windows.add(ScheduleWindow.of(day, start, end));
        }
        return Schedule.weekly(ZoneId.of("UTC"), windows);
    }

    /** A on 08–20, B on 08–12, C on 18–22, weekdays, no margins. */
    static Map<Long, List<OnInterval>> threeEnvironments() {
        Map<Long, List<OnInterval>> needs = new LinkedHashMap<>();
        needs.put(1L, UnionSchedule.neededBy(new NetworkMember(1, weekdays("08:00", "20:00"), false), MONDAY,
                NEXT_MONDAY, NatTiming.NONE));
        needs.put(2L, UnionSchedule.neededBy(new NetworkMember(2, weekdays("08:00", "12:00"), false), MONDAY,
                NEXT_MONDAY, NatTiming.NONE));
        needs.put(3L, UnionSchedule.neededBy(new NetworkMember(3, weekdays("18:00", "22:00"), false), MONDAY,
                NEXT_MONDAY, NatTiming.NONE));
        return needs;
    }

    @Test
    void threeEnvironmentsWithDifferentHoursShareTheOverlapsEquallyAndPayAloneForTheirOwnHours() {
        // Given A on 08–20, B on 08–12 and C on 18–22 on weekdays: each day 08–12 is A's and B's (2 h each),
        // 12–18 A's alone (6 h), 18–20 A's and C's (1 h each), 20–22 C's alone (2 h)
        List<NatShares.Share> shares = NatShares.split(threeEnvironments());

        // Then over a week A needed 60 h and pays for 45, B needed 20 and pays for 10, C needed 20 and pays for 15
        assertThat(shares).extracting(NatShares.Share::neededHours).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("60"), new BigDecimal("20"), new BigDecimal("20"));
        assertThat(shares).extracting(NatShares.Share::shareHours).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("45"), new BigDecimal("10"), new BigDecimal("15"));
        // And the shares add up to the NAT's 70 hours (08–22 on five days)
        BigDecimal natHours = BigDecimal.valueOf(UnionSchedule.natOn(List.of(
                new NetworkMember(1, weekdays("08:00", "20:00"), false),
                new NetworkMember(2, weekdays("08:00", "12:00"), false),
                new NetworkMember(3, weekdays("18:00", "22:00"), false)), MONDAY, NEXT_MONDAY, NatTiming.NONE)
                .stream().mapToLong(i -> i.duration().toHours()).sum());
        assertThat(natHours).isEqualByComparingTo("70");
    }

    @Test
    void threeWayOverlapsAreThirdsAndAMemberNeverOnPaysNothing() {
        Map<Long, List<OnInterval>> needs = new LinkedHashMap<>();
        OnInterval hour = new OnInterval(MONDAY, MONDAY.plus(Duration.ofHours(1)));
        needs.put(1L, List.of(hour));
        needs.put(2L, List.of(hour));
        needs.put(3L, List.of(hour));
        needs.put(4L, List.of());

        List<NatShares.Share> shares = NatShares.split(needs);

        assertThat(shares.get(0).shareHours()).isEqualByComparingTo("0.333333333333");
        assertThat(shares.get(3).shareHours()).isZero();
        assertThat(shares.stream().map(NatShares.Share::shareHours).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isCloseTo(BigDecimal.ONE, org.assertj.core.data.Offset.offset(new BigDecimal("0.000000000001")));
    }
}
