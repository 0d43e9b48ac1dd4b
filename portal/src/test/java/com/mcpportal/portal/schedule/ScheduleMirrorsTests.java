package com.mcpportal.portal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.mcpportal.portal.cloud.MirrorAction;
import com.mcpportal.portal.cloud.MirroredSchedule;
import org.junit.jupiter.api.Test;

/** Named cases of the translation into cloud schedules; {@link ScheduleMirrorsPropertiesTests} checks random ones. */
class ScheduleMirrorsTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A Monday, 00:00 in Berlin. */
    private static final Instant MONDAY = Instant.parse("2026-12-06T23:00:00Z");

    @Test
    void theDefaultWorkingWeekIsFourCronsInTheSchedulesZoneWithTheNatAroundTheService() {
        List<MirroredSchedule> mirror = ScheduleMirrors.translate(Schedule.defaultFor(BERLIN), MONDAY,
                MirrorSettings.DEFAULTS);

        assertThat(mirror).extracting(MirroredSchedule::name, MirroredSchedule::expression, MirroredSchedule::timezone,
                MirroredSchedule::action, MirroredSchedule::startDate, MirroredSchedule::endDate).containsExactly(
                tuple("service-on-0800", "cron(0 8 ? * MON,TUE,WED,THU,FRI *)", "Europe/Berlin",
                        MirrorAction.START_SERVICE, null, null),
                tuple("service-off-2000", "cron(0 20 ? * MON,TUE,WED,THU,FRI *)", "Europe/Berlin",
                        MirrorAction.STOP_SERVICE, null, null),
                tuple("nat-on-0755", "cron(55 7 ? * MON,TUE,WED,THU,FRI *)", "Europe/Berlin",
                        MirrorAction.START_NAT, null, null),
                tuple("nat-off-2010", "cron(10 20 ? * MON,TUE,WED,THU,FRI *)", "Europe/Berlin",
                        MirrorAction.STOP_NAT, null, null));
    }

    @Test
    void aWindowAcrossMidnightStopsOnTheNextDay() {
        Schedule schedule = Schedule.weekly(BERLIN, List.of(ScheduleWindow.of(DayOfWeek.FRIDAY, "22:00", "02:00")));

        List<MirroredSchedule> mirror = ScheduleMirrors.translate(schedule, MONDAY, MirrorSettings.DEFAULTS);

        assertThat(mirror).extracting(MirroredSchedule::name, MirroredSchedule::expression).containsExactly(
                tuple("service-on-2200", "cron(0 22 ? * FRI *)"), tuple("service-off-0200", "cron(0 2 ? * SAT *)"),
                tuple("nat-on-2155", "cron(55 21 ? * FRI *)"), tuple("nat-off-0210", "cron(10 2 ? * SAT *)"));
    }

    @Test
    void aHolidayCutsTheWeeklySchedulesAroundItsDaySoTheyCarryOnAfterItWithoutThePortal() {
        Schedule schedule = Schedule.defaultFor(BERLIN)
                .withExceptions(List.of(DateException.off(LocalDate.parse("2026-12-09"))));

        List<MirroredSchedule> mirror = ScheduleMirrors.translate(schedule, MONDAY, MirrorSettings.DEFAULTS);

        // Wednesday 08:00 CET is 07:00Z: the Monday-to-Friday start ends the minute before and a copy starts after.
        assertThat(mirror).filteredOn(m -> m.action() == MirrorAction.START_SERVICE)
                .extracting(MirroredSchedule::name, MirroredSchedule::startDate, MirroredSchedule::endDate)
                .containsExactly(tuple("service-on-0800", null, Instant.parse("2026-12-09T06:59:00Z")),
                        tuple("service-on-0800-from-20261209T0701Z", Instant.parse("2026-12-09T07:01:00Z"), null));
        // On the holiday nothing starts; the stops still fire, finding everything stopped already.
        assertThat(firingsOn(mirror, "2026-12-09")).containsExactlyInAnyOrder("service-off-2000", "nat-off-2010");
        assertThat(firingsOn(mirror, "2026-12-10")).containsExactlyInAnyOrder("nat-on-0755-from-20261209T0656Z",
                "service-on-0800-from-20261209T0701Z", "service-off-2000", "nat-off-2010");
    }

    @Test
    void anEdgeInTheSpringForwardGapWhichTheCloudSkipsIsAddedOnceAtTheGapsEnd() {
        // Sunday 2027-03-28, Berlin: 02:00 CET jumps to 03:00 CEST (01:00Z); the evaluator starts the window then.
        Schedule schedule = Schedule.weekly(BERLIN, List.of(ScheduleWindow.of(DayOfWeek.SUNDAY, "02:30", "10:00")));
        Instant monday = Instant.parse("2027-03-21T23:00:00Z");

        List<MirroredSchedule> mirror = ScheduleMirrors.translate(schedule, monday, MirrorSettings.DEFAULTS);

        assertThat(mirror).filteredOn(MirroredSchedule::oneTime)
                .extracting(MirroredSchedule::name, MirroredSchedule::expression, MirroredSchedule::timezone)
                .containsExactlyInAnyOrder(
                        tuple("once-service-on-20270328T0100Z", "at(2027-03-28T01:00:00)", "UTC"),
                        tuple("once-nat-on-20270328T0055Z", "at(2027-03-28T00:55:00)", "UTC"));
        assertThat(schedule.desiredStateAt(Instant.parse("2027-03-28T01:00:00Z"))).isEqualTo(PowerState.ON);
    }

    @Test
    void keepOnUntilTuesdayCutsMondaysStopAndStopsOnceWhenItRunsOut() {
        Instant until = Instant.parse("2026-12-08T11:00:00Z");
        Schedule schedule = Schedule.defaultFor(BERLIN).withOverride(new ManualOverride(PowerState.ON, until));

        List<MirroredSchedule> mirror = ScheduleMirrors.translate(schedule, MONDAY, MirrorSettings.DEFAULTS);

        assertThat(firingsOn(mirror, "2026-12-07")).doesNotContain("service-off-2000").contains("service-on-0800");
        // Tuesday 12:00 CET is inside the window: the override running out changes nothing, so nothing is added.
        assertThat(mirror).noneMatch(MirroredSchedule::oneTime);
        Schedule keepOnToMidnight = Schedule.defaultFor(BERLIN).withOverride(
                new ManualOverride(PowerState.ON, Instant.parse("2026-12-07T23:00:00Z")));
        assertThat(ScheduleMirrors.translate(keepOnToMidnight, MONDAY, MirrorSettings.DEFAULTS))
                .filteredOn(MirroredSchedule::oneTime).extracting(MirroredSchedule::name)
                .containsExactlyInAnyOrder("once-service-off-20261207T2300Z", "once-nat-off-20261207T2310Z");
    }

    /** The names of the schedules that fire on a Berlin day, read as the cloud fires them. */
    private static List<String> firingsOn(List<MirroredSchedule> mirror, String day) {
        Instant start = LocalDate.parse(day).atStartOfDay(BERLIN).toInstant();
        return MirrorClock.of(mirror).stream().filter(clock -> {
            for (Instant t = start; t.isBefore(start.plusSeconds(86_400)); t = t.plusSeconds(60)) {
                if (clock.firesAt(t)) {
                    return true;
                }
            }
            return false;
        }).map(clock -> clock.schedule().name()).toList();
    }
}
