package com.mcpportal.portal.schedule.power;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;
import com.mcpportal.portal.schedule.WhenDisabled;
import org.junit.jupiter.api.Test;

import static com.mcpportal.portal.schedule.power.PowerDecision.Verdict.BUSY;
import static com.mcpportal.portal.schedule.power.PowerDecision.Verdict.HELD;
import static com.mcpportal.portal.schedule.power.PowerDecision.Verdict.IN_STATE;
import static com.mcpportal.portal.schedule.power.PowerDecision.Verdict.START;
import static com.mcpportal.portal.schedule.power.PowerDecision.Verdict.STOP;
import static org.assertj.core.api.Assertions.assertThat;

/** What the scheduler does about one environment: follow the schedule, but respect a person's start or stop. */
class PowerDecisionTests {

    /** Mon–Fri 08:00–20:00 in Berlin; 2026-12-07 is a Monday, Berlin is UTC+1 in December. */
    private static final Schedule WORKDAYS = Schedule.defaultFor(ZoneId.of("Europe/Berlin"));
    private static final Instant MONDAY_10 = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant MONDAY_22 = Instant.parse("2026-12-07T21:00:00Z");
    private static final Instant SCHEDULE_SAVED = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void startsAnEnvironmentThatIsOffInsideItsWindowAndStopsOneThatIsOnOutside() {
        assertThat(decide(EnvironmentPower.OFF, null, MONDAY_10).verdict()).isEqualTo(START);
        assertThat(decide(EnvironmentPower.ON, null, MONDAY_22).verdict()).isEqualTo(STOP);
        assertThat(decide(EnvironmentPower.ON, null, MONDAY_10).verdict()).isEqualTo(IN_STATE);
    }

    @Test
    void leavesAnEnvironmentWithAnOperationInFlightAlone() {
        ReadyEnvironment.LatestOperation running = operation("STOP", true, false, MONDAY_10.minusSeconds(30));

        assertThat(decide(EnvironmentPower.ON, running, MONDAY_22).verdict()).isEqualTo(BUSY);
    }

    @Test
    void aPersonsStopInsideTheWindowHoldsUntilTheNextEdge() {
        ReadyEnvironment.LatestOperation stoppedByAlice = operation("STOP", false, true, MONDAY_10);

        PowerDecision soonAfter = decide(EnvironmentPower.OFF, stoppedByAlice, MONDAY_10.plusSeconds(600));
        assertThat(soonAfter.verdict()).isEqualTo(HELD);
        assertThat(soonAfter.heldUntil()).as("the window's end, 20:00 Berlin").isEqualTo("2026-12-07T19:00:00Z");

        // Tuesday 10:00: the edges at 20:00 and 08:00 have passed, the schedule applies again.
        assertThat(decide(EnvironmentPower.OFF, stoppedByAlice, MONDAY_10.plusSeconds(86_400)).verdict())
                .isEqualTo(START);
    }

    @Test
    void theSchedulersOwnOperationsAndPeoplesOldOnesHoldNothing() {
        ReadyEnvironment.LatestOperation schedulerStop = operation("STOP", false, false, MONDAY_10);
        ReadyEnvironment.LatestOperation provision = operation("PROVISION", false, true, MONDAY_10);

        assertThat(decide(EnvironmentPower.OFF, schedulerStop, MONDAY_10.plusSeconds(60)).verdict()).isEqualTo(START);
        assertThat(decide(EnvironmentPower.ON, provision, MONDAY_22).verdict()).isEqualTo(STOP);
    }

    @Test
    void aStopTheHoursKeptInAwsMadeHoldsNothingEither() {
        // AWS stopped it at 10:00 (a one-time schedule the portal no longer wants, say): the schedule applies.
        ReadyEnvironment.LatestOperation awsStop = new ReadyEnvironment.LatestOperation(7, "STOP", false,
                "aws-scheduler", MONDAY_10);

        assertThat(decide(EnvironmentPower.OFF, awsStop, MONDAY_10.plusSeconds(60)).verdict()).isEqualTo(START);
    }

    @Test
    void changingTheScheduleEndsAHold() {
        ReadyEnvironment.LatestOperation stoppedByAlice = operation("STOP", false, true, MONDAY_10);
        ReadyEnvironment environment = new ReadyEnvironment(1, 1, EnvironmentPower.OFF, WORKDAYS,
                MONDAY_10.plusSeconds(60), stoppedByAlice);

        assertThat(PowerDecision.decide(environment, MONDAY_10.plusSeconds(120)).verdict()).isEqualTo(START);
    }

    @Test
    void aHoldWithNoEdgeComingLastsUntilTheScheduleChanges() {
        Schedule alwaysOn = WORKDAYS.withEnabled(false, WhenDisabled.ALWAYS_ON);
        ReadyEnvironment environment = new ReadyEnvironment(1, 1, EnvironmentPower.OFF, alwaysOn, SCHEDULE_SAVED,
                operation("STOP", false, true, MONDAY_10));

        PowerDecision decision = PowerDecision.decide(environment, MONDAY_10.plusSeconds(30 * 86_400L));
        assertThat(decision.verdict()).isEqualTo(HELD);
        assertThat(decision.heldUntil()).isNull();
    }

    @Test
    void anOverrideWins() {
        Schedule keepOn = WORKDAYS.withOverride(new ManualOverride(PowerState.ON, MONDAY_22.plusSeconds(3600)));
        ReadyEnvironment environment = new ReadyEnvironment(1, 1, EnvironmentPower.ON, keepOn, SCHEDULE_SAVED, null);

        assertThat(PowerDecision.decide(environment, MONDAY_22).verdict()).isEqualTo(IN_STATE);
        assertThat(PowerDecision.decide(environment, MONDAY_22.plusSeconds(3600)).verdict()).isEqualTo(STOP);
    }

    @Test
    void theEdgeReasonIsTheTransitionsOwnAndALateOneExplainsTheStateItCatchesUpOn() {
        Schedule mondays = Schedule.weekly(ZoneId.of("Europe/Berlin"),
                List.of(ScheduleWindow.of(DayOfWeek.MONDAY, "08:00", "20:00")));
        Instant opens = Instant.parse("2026-12-07T07:00:00Z");

        assertThat(ScheduleReconciler.edgeReason(mondays, opens, PowerState.ON, opens))
                .isEqualTo("window Mon 08:00\u201320:00 Europe/Berlin opened");
        assertThat(ScheduleReconciler.edgeReason(mondays, opens, PowerState.OFF, MONDAY_22))
                .as("fired after the window had closed again").isEqualTo("window Mon 08:00\u201320:00 Europe/Berlin closed");
    }

    @Test
    void anOperationInFlightIsUnderwayOnlyWhenItLeadsWhereTheScheduleWants() {
        ReadyEnvironment starting = new ReadyEnvironment(1, 1, EnvironmentPower.OFF, WORKDAYS, SCHEDULE_SAVED,
                operation("START", true, false, MONDAY_10));
        ReadyEnvironment stopping = new ReadyEnvironment(1, 1, EnvironmentPower.ON, WORKDAYS, SCHEDULE_SAVED,
                operation("STOP", true, true, MONDAY_10));
        ReadyEnvironment provisioning = new ReadyEnvironment(1, 1, EnvironmentPower.OFF, WORKDAYS, SCHEDULE_SAVED,
                operation("PROVISION", true, true, MONDAY_10));
        ReadyEnvironment startedEarlier = new ReadyEnvironment(1, 1, EnvironmentPower.OFF, WORKDAYS, SCHEDULE_SAVED,
                operation("START", false, false, MONDAY_10));

        assertThat(starting.underway(PowerState.ON)).as("the pass's start, met by the 08:00 edge").isTrue();
        assertThat(starting.underway(PowerState.OFF)).isFalse();
        assertThat(stopping.underway(PowerState.ON)).as("a person's stop: the edge looks again shortly").isFalse();
        assertThat(stopping.underway(PowerState.OFF)).isTrue();
        assertThat(provisioning.underway(PowerState.ON)).isFalse();
        assertThat(startedEarlier.underway(PowerState.ON)).as("finished: not in flight").isFalse();
    }

    private static PowerDecision decide(EnvironmentPower power, ReadyEnvironment.LatestOperation latest, Instant now) {
        return PowerDecision.decide(new ReadyEnvironment(1, 1, power, WORKDAYS, SCHEDULE_SAVED, latest), now);
    }

    private static ReadyEnvironment.LatestOperation operation(String kind, boolean inFlight, boolean byPerson,
            Instant at) {
        return new ReadyEnvironment.LatestOperation(7, kind, inFlight, byPerson ? "alice" : "scheduler", at);
    }
}
