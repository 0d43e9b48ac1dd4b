package com.mcpportal.portal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import com.mcpportal.portal.cloud.MirroredSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For random schedules ({@link RandomSchedules}: weekly windows across midnight, exceptions, overrides, disabled
 * schedules, zones with 30-minute and midnight DST changes) the schedules mirrored into the cloud, read the way
 * EventBridge Scheduler fires them ({@link MirrorClock}), keep exactly the hours of {@link ScheduleEvaluator}: minute
 * by minute for a year, the portal mirroring only once per horizon (down in between), the service's state is the
 * evaluator's desired state and the NAT is on exactly from its lead before to its lag after every on-stretch.
 */
class ScheduleMirrorsPropertiesTests {

    private static final MirrorSettings SETTINGS = MirrorSettings.DEFAULTS;
    private static final long LEAD = SETTINGS.natLead().toMinutes();
    private static final long LAG = SETTINGS.natLag().toMinutes();

    /** 16 cases of a year each: about 20 s on a busy 2-core machine, most of it the evaluator's minute queries. */
    static Stream<Long> seeds() {
        return RandomSchedules.seeds(16);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theMirroredSchedulesKeepTheEvaluatorsHoursEveryMinuteForAYear(long seed) {
        RandomSchedules random = new RandomSchedules(seed);
        Schedule schedule = random.schedule();
        Instant first = random.instant();
        for (Instant now = first; now.isBefore(first.plus(Duration.ofDays(365))); now = now.plus(SETTINGS.horizon())) {
            List<MirroredSchedule> mirror = ScheduleMirrors.translate(schedule, now, SETTINGS);
            assertKeepsTheHours(seed, schedule, mirror, now, now.plus(SETTINGS.horizon()));
        }
    }

    private static void assertKeepsTheHours(long seed, Schedule schedule, List<MirroredSchedule> mirror, Instant now,
            Instant end) {
        int minutes = (int) Duration.between(now, end).toMinutes();
        // desired[i]: the evaluator's state at now + (i - LAG) minutes, from LAG before now to LEAD after end
        boolean[] desired = new boolean[minutes + 1 + (int) (LEAD + LAG)];
        for (int i = 0; i < desired.length; i++) {
            desired[i] = schedule.desiredStateAt(now.plusSeconds((i - LAG) * 60)) == PowerState.ON;
        }
        List<MirrorClock> clocks = MirrorClock.of(mirror);
        // The portal has put both right at the moment it mirrors; from then on only the cloud acts.
        boolean service = desired[(int) LAG];
        boolean nat = natOn(desired, 0);
        for (int m = 1; m <= minutes; m++) {
            Instant t = now.plusSeconds(m * 60L);
            LocalDateTime local = LocalDateTime.ofInstant(t, schedule.zone().getRules().getOffset(t));
            for (MirrorClock clock : clocks) {
                if (clock.firesAt(t, schedule.zone(), local)) {
                    boolean on = clock.schedule().action().turnsOn();
                    if (clock.schedule().action().nat()) {
                        nat = on;
                    } else {
                        service = on;
                    }
                }
            }
            assertThat(service).as("seed %d: service at %s, mirrored at %s as %s", seed, t, now, mirror)
                    .isEqualTo(desired[m + (int) LAG]);
            assertThat(nat).as("seed %d: NAT at %s, mirrored at %s as %s", seed, t, now, mirror)
                    .isEqualTo(natOn(desired, m));
        }
    }

    /** On at now + m minutes if the service is desired on at any minute from LAG before to LEAD after. */
    private static boolean natOn(boolean[] desired, int m) {
        for (int i = m; i <= m + LAG + LEAD; i++) {
            if (desired[i]) {
                return true;
            }
        }
        return false;
    }
}
