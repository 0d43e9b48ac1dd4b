package com.mcpportal.portal.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.mcpportal.portal.schedule.OnInterval;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.ScheduleEvaluator;
import com.mcpportal.portal.schedule.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared NAT's hours for random member sets ({@link MemberSchedules}, seeded: a failure names the seed), checked
 * minute by minute over two days against each member's own desired state from the schedule feature.
 */
class UnionSchedulePropertiesTests {

    private static final Duration SPAN = Duration.ofDays(2);
    private static final NatTiming TIMING = NatTiming.DEFAULT;

    static Stream<Long> seeds() {
        return MemberSchedules.seeds(100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theNatIsOnAtEveryMinuteAnyMemberIsDesiredOn(long seed) {
        MemberSchedules random = new MemberSchedules(seed);
        List<NetworkMember> members = random.members();
        Instant from = random.instant();
        List<OnInterval> nat = UnionSchedule.natOn(members, from, from.plus(SPAN), TIMING);

        for (Instant minute = from; minute.isBefore(from.plus(SPAN)); minute = minute.plusSeconds(60)) {
            boolean anyOn = false;
            for (NetworkMember member : members) {
                anyOn |= member.schedule().desiredStateAt(minute) == PowerState.ON;
            }
            if (anyOn) {
                assertThat(covers(nat, minute)).as("NAT on at %s, when a member is on", minute).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void startsPrecedeAndStopsFollowEveryMembersEdgeByTheMargins(long seed) {
        MemberSchedules random = new MemberSchedules(seed);
        List<NetworkMember> members = random.members();
        Instant from = random.instant();
        Instant to = from.plus(SPAN);
        List<OnInterval> nat = UnionSchedule.natOn(members, from, to, TIMING);

        for (NetworkMember member : members) {
            for (Transition edge : member.schedule().nextTransitions(from, 40)) {
                if (!edge.at().isBefore(to)) {
                    break;
                }
                // The whole margin around the edge that lies inside the range has the NAT on.
                Instant marginStart = edge.state() == PowerState.ON ? edge.at().minus(TIMING.lead()) : edge.at();
                Instant marginEnd = edge.state() == PowerState.ON ? edge.at() : edge.at().plus(TIMING.lag());
                for (Instant t = max(marginStart, from); t.isBefore(marginEnd) && t.isBefore(to); t = t.plusSeconds(60)) {
                    assertThat(covers(nat, t)).as("NAT on at %s, within the margin of member %d's %s edge at %s",
                            t, member.environmentId(), edge.state(), edge.at()).isTrue();
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theNatIsNeverOnWithoutAMemberNeedingItAndNeverStoppedUnderARunningService(long seed) {
        MemberSchedules random = new MemberSchedules(seed);
        List<NetworkMember> members = random.members();
        Instant from = random.instant();
        Instant to = from.plus(SPAN);
        List<OnInterval> nat = UnionSchedule.natOn(members, from, to, TIMING);
        boolean anyRunning = members.stream().anyMatch(NetworkMember::runningNow);

        for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(15 * 60)) {
            PowerState state = UnionSchedule.natStateAt(members, minute, TIMING);
            if (minute.equals(from)) {
                assertThat(state).as("the state now agrees with the stretches").isEqualTo(covers(nat, minute)
                        ? PowerState.ON : PowerState.OFF);
                if (anyRunning) {
                    assertThat(state).as("a member's service runs now").isEqualTo(PowerState.ON);
                }
            }
            if (!covers(nat, minute) || (anyRunning && minute.isBefore(from.plus(TIMING.lag())))) {
                continue;
            }
            boolean needed = false;
            for (NetworkMember member : members) {
                needed |= !ScheduleEvaluator.onIntervals(member.schedule(), minute.minus(TIMING.lag()),
                        minute.plus(TIMING.lead()).plusSeconds(1)).isEmpty();
            }
            assertThat(needed).as("NAT on at %s only because a member is on within its margins", minute).isTrue();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theStateAtAnInstantAgreesWithTheStretches(long seed) {
        MemberSchedules random = new MemberSchedules(seed);
        List<NetworkMember> members = random.members().stream()
                .map(m -> new NetworkMember(m.environmentId(), m.schedule(), false)).toList();
        Instant from = random.instant();
        List<OnInterval> nat = UnionSchedule.natOn(members, from, from.plus(SPAN), TIMING);

        for (Instant t = from; t.isBefore(from.plus(SPAN)); t = t.plusSeconds(37 * 60)) {
            assertThat(UnionSchedule.natStateAt(members, t, TIMING)).as("at %s", t)
                    .isEqualTo(covers(nat, t) ? PowerState.ON : PowerState.OFF);
        }
        for (int i = 1; i < nat.size(); i++) {
            assertThat(nat.get(i).start()).as("stretches are apart and in order").isAfter(nat.get(i - 1).end());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theNextNatChangesAlternateAndMatchTheStateOnEitherSide(long seed) {
        MemberSchedules random = new MemberSchedules(seed);
        List<NetworkMember> members = random.members().stream()
                .map(m -> new NetworkMember(m.environmentId(), m.schedule(), false)).toList();
        Instant from = random.instant();

        PowerState before = UnionSchedule.natStateAt(members, from, TIMING);
        Instant previous = from;
        for (Transition change : UnionSchedule.nextNatTransitions(members, from, 12, TIMING)) {
            assertThat(change.at()).as("changes are strictly after each other").isAfter(previous);
            assertThat(change.state()).as("changes alternate").isEqualTo(before.opposite());
            assertThat(UnionSchedule.natStateAt(members, change.at(), TIMING)).isEqualTo(change.state());
            assertThat(UnionSchedule.natStateAt(members, change.at().minusSeconds(1), TIMING)).isEqualTo(before);
            before = change.state();
            previous = change.at();
        }
    }

    private static boolean covers(List<OnInterval> intervals, Instant t) {
        return intervals.stream().anyMatch(i -> !t.isBefore(i.start()) && t.isBefore(i.end()));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
