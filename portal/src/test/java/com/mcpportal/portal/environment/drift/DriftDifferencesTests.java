package com.mcpportal.portal.environment.drift;

import com.mcpportal.portal.cloud.ActualState;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.ServiceCounts;
import com.mcpportal.portal.environment.EnvironmentPower;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Desired (the power state) against actual (what the cloud describes), in words a person understands. */
class DriftDifferencesTests {

    private static ActualState actual(NatState nat, int desired, int running) {
        return new ActualState(nat, new ServiceCounts("ACTIVE", desired, running, 0));
    }

    @Test
    void anEnvironmentThatIsWhereItShouldBeHasNoDrift() {
        assertThat(DriftCheck.differences(EnvironmentPower.ON, actual(NatState.RUNNING, 1, 1))).isEmpty();
        assertThat(DriftCheck.differences(EnvironmentPower.OFF, actual(NatState.STOPPED, 0, 0))).isEmpty();
    }

    @Test
    void eachDifferenceIsNamed() {
        assertThat(DriftCheck.differences(EnvironmentPower.ON, actual(NatState.STOPPED, 1, 0))).containsExactly(
                "the NAT instance is stopped but should be running",
                "the service runs 0 of 1 tasks but should run 1");
        assertThat(DriftCheck.differences(EnvironmentPower.OFF, actual(NatState.RUNNING, 1, 1))).containsExactly(
                "the NAT instance is running but should be stopped",
                "the service runs 1 of 1 tasks but should run none");
        assertThat(DriftCheck.differences(EnvironmentPower.ON, new ActualState(NatState.NONE, ServiceCounts.MISSING)))
                .containsExactly("the NAT instance is gone (none)", "the ECS service is missing");
    }
}
