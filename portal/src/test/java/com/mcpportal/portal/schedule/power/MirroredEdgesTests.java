package com.mcpportal.portal.schedule.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.ActualState;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.ServiceCounts;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;

/** When the portal counts an edge as made by the hours kept in the cloud, and which edge it waits for. */
class MirroredEdgesTests {

    private static final Schedule WEEKDAYS = Schedule.weekly(ZoneId.of("Europe/Berlin"),
            List.of(ScheduleWindow.of(DayOfWeek.MONDAY, "08:00", "20:00")));

    @Test
    void aStartIsMadeOnceTheServiceWantsATaskAndTheNatRuns() {
        assertThat(MirroredEdges.madeBy(state(NatState.RUNNING, 1), PowerState.ON)).isTrue();
        assertThat(MirroredEdges.madeBy(state(NatState.PENDING, 1), PowerState.ON)).isTrue();
        assertThat(MirroredEdges.madeBy(state(NatState.STOPPED, 1), PowerState.ON)).as("NAT not started").isFalse();
        assertThat(MirroredEdges.madeBy(state(NatState.RUNNING, 0), PowerState.ON)).as("only the NAT so far")
                .isFalse();
    }

    @Test
    void aStopIsMadeOnceTheServiceWantsNoTaskWhateverTheNatDoesYet() {
        assertThat(MirroredEdges.madeBy(state(NatState.RUNNING, 0), PowerState.OFF)).isTrue();
        assertThat(MirroredEdges.madeBy(state(NatState.STOPPED, 1), PowerState.OFF)).isFalse();
        assertThat(MirroredEdges.madeBy(new ActualState(NatState.RUNNING, ServiceCounts.MISSING), PowerState.OFF))
                .as("no service: nothing the cloud made").isFalse();
    }

    @Test
    void theEdgeWaitedForIsTheScheduleOwnWithinTheGrace() {
        Instant close = Instant.parse("2026-12-07T19:00:00Z"); // Monday 20:00 in Berlin
        Duration grace = Duration.ofMinutes(3);
        assertThat(MirroredEdges.recentEdge(WEEKDAYS, PowerState.OFF, close, grace)).isEqualTo(close);
        assertThat(MirroredEdges.recentEdge(WEEKDAYS, PowerState.OFF, close.plusSeconds(179), grace)).isEqualTo(close);
        assertThat(MirroredEdges.recentEdge(WEEKDAYS, PowerState.OFF, close.plusSeconds(181), grace)).isNull();
        assertThat(MirroredEdges.recentEdge(WEEKDAYS, PowerState.ON, close.plusSeconds(10), grace))
                .as("an edge the other way").isNull();
        assertThat(MirroredEdges.recentEdge(WEEKDAYS, PowerState.OFF, close.minusSeconds(10), grace))
                .as("not yet").isNull();
    }

    private static ActualState state(NatState nat, int desired) {
        return new ActualState(nat, new ServiceCounts("ACTIVE", desired, desired, 0));
    }
}
