package com.mcpportal.portal.environment.operation;

import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Operations and the environment's state machine agree: every move an operation makes is an allowed one. */
class OperationKindTests {

    @ParameterizedTest
    @EnumSource(OperationKind.class)
    void everyOperationMovesOnlyAlongAllowedTransitions(OperationKind kind) {
        for (EnvironmentState from : EnvironmentState.values()) {
            if (kind.allowedFrom(from)) {
                assertThat(from.canMoveTo(kind.runningState())).as(kind + " starting from " + from).isTrue();
            }
        }
        assertThat(kind.runningState().canMoveTo(kind.successState())).as(kind + " succeeding").isTrue();
        assertThat(kind.runningState().canMoveTo(EnvironmentState.FAILED)).as(kind + " failing").isTrue();
        // A retry re-enters the running state from FAILED.
        assertThat(EnvironmentState.FAILED.canMoveTo(kind.runningState())).as(kind + " retried").isTrue();
    }

    @Test
    void startAndStopNeedAReadyEnvironmentAndDeprovisionNeedsResources() {
        assertThat(OperationKind.START.allowedFrom(EnvironmentState.DRAFT)).isFalse();
        assertThat(OperationKind.STOP.allowedFrom(EnvironmentState.FAILED)).isFalse();
        assertThat(OperationKind.START.allowedFrom(EnvironmentState.READY)).isTrue();
        assertThat(OperationKind.DEPROVISION.allowedFrom(EnvironmentState.DRAFT)).isFalse();
        assertThat(OperationKind.DEPROVISION.allowedFrom(EnvironmentState.FAILED)).isTrue();
        assertThat(OperationKind.PROVISION.allowedFrom(EnvironmentState.DELETED)).isFalse();
    }

    @Test
    void powerFollowsTheOperation() {
        assertThat(OperationKind.PROVISION.powerAfter(null)).isEqualTo(EnvironmentPower.ON);
        assertThat(OperationKind.PROVISION.powerAfter(EnvironmentPower.OFF)).as("applying changes keeps it off")
                .isEqualTo(EnvironmentPower.OFF);
        assertThat(OperationKind.START.powerAfter(EnvironmentPower.OFF)).isEqualTo(EnvironmentPower.ON);
        assertThat(OperationKind.STOP.powerAfter(EnvironmentPower.ON)).isEqualTo(EnvironmentPower.OFF);
        assertThat(OperationKind.DEPROVISION.powerAfter(EnvironmentPower.ON)).isNull();
        assertThat(OperationKind.PATCH_NAT.powerAfter(EnvironmentPower.OFF)).as("a NAT patched while off stays off")
                .isEqualTo(EnvironmentPower.OFF);
        assertThat(OperationKind.PATCH_NAT.powerAfter(EnvironmentPower.ON)).isEqualTo(EnvironmentPower.ON);
    }

    @Test
    void serverUpdatesNatPatchesAndNetworkMovesKeepThePowerSoTheSchedulerLooksPastThemOnceEnded() {
        assertThat(OperationKind.values()).filteredOn(OperationKind::keepsPower)
                .containsExactly(OperationKind.UPDATE_SERVER, OperationKind.ROLL_BACK, OperationKind.PATCH_NAT,
                        OperationKind.MOVE_NETWORK);
        assertThat(PowerBatch.SCHEDULER_SEES).isEqualTo("(state IN ('QUEUED', 'RUNNING') OR kind NOT IN"
                + " ('UPDATE_SERVER', 'ROLL_BACK', 'PATCH_NAT', 'MOVE_NETWORK'))");
    }

    @Test
    void aNetworkMoveRunsTheNewNetworksNatBeforeTheServiceMovesAndLeavesTheOldNetworkOnlyAfterwards() {
        assertThat(OperationPlans.steps(OperationKind.MOVE_NETWORK)).extracting(CloudStep::name).containsExactly(
                "move-network", "move-nat", "move-task-definition", "move-service", "move-ingress", "leave-network",
                "record-network");
        assertThat(OperationKind.MOVE_NETWORK.allowedFrom(EnvironmentState.READY)).isTrue();
        assertThat(OperationKind.values()).filteredOn(kind -> kind != OperationKind.PROVISION
                && kind != OperationKind.ROLL_BACK && kind != OperationKind.DEPROVISION)
                .allSatisfy(kind -> assertThat(kind.allowedFrom(EnvironmentState.FAILED)).isFalse());
    }

    @Test
    void startPatchesAndBringsTheNatUpBeforeTheServiceAndStopTakesTheServiceDownFirst() {
        assertThat(OperationPlans.steps(OperationKind.START)).extracting(CloudStep::name)
                .containsExactly("patch-nat", "start-nat", "scale-up");
        assertThat(OperationPlans.steps(OperationKind.PATCH_NAT)).extracting(CloudStep::name)
                .containsExactly("patch-nat");
        assertThat(OperationPlans.steps(OperationKind.STOP)).extracting(CloudStep::name)
                .containsExactly("scale-down", "stop-nat");
        assertThat(OperationPlans.steps(OperationKind.DEPROVISION)).extracting(CloudStep::name)
                .startsWith("delete-schedule-mirror", "delete-ingress", "delete-service").endsWith("check-remaining");
    }
}
