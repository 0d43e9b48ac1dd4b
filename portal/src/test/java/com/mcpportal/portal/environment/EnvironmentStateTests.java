package com.mcpportal.portal.environment;

import java.time.Instant;
import java.util.List;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import org.junit.jupiter.api.Test;

import static com.mcpportal.portal.environment.EnvironmentState.DELETED;
import static com.mcpportal.portal.environment.EnvironmentState.DEPROVISIONING;
import static com.mcpportal.portal.environment.EnvironmentState.DRAFT;
import static com.mcpportal.portal.environment.EnvironmentState.FAILED;
import static com.mcpportal.portal.environment.EnvironmentState.PROVISIONING;
import static com.mcpportal.portal.environment.EnvironmentState.READY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The environment's life as one enum: the moves it allows and the ones it refuses. */
class EnvironmentStateTests {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void theHappyPathGoesFromDraftToDeleted() {
        assertThat(DRAFT.canMoveTo(PROVISIONING)).isTrue();
        assertThat(PROVISIONING.canMoveTo(READY)).isTrue();
        assertThat(READY.canMoveTo(DEPROVISIONING)).isTrue();
        assertThat(DEPROVISIONING.canMoveTo(DELETED)).isTrue();
    }

    @Test
    void everyOperationCanFailAndAFailureCanBeRetriedOrCleanedUp() {
        assertThat(List.of(PROVISIONING, READY, DEPROVISIONING)).allMatch(state -> state.canMoveTo(FAILED));
        assertThat(FAILED.next()).containsExactlyInAnyOrder(PROVISIONING, READY, DEPROVISIONING);
    }

    @Test
    void shortcutsAndWayBackAreRefused() {
        assertThat(DRAFT.canMoveTo(READY)).isFalse();
        assertThat(DRAFT.canMoveTo(FAILED)).isFalse();
        assertThat(READY.canMoveTo(DRAFT)).isFalse();
        assertThat(READY.canMoveTo(DELETED)).as("resources must be deleted first").isFalse();
        assertThat(PROVISIONING.canMoveTo(DEPROVISIONING)).isFalse();
        assertThat(DELETED.next()).isEmpty();
        assertThat(DELETED.canMoveTo(DRAFT)).isFalse();
    }

    @Test
    void onlyDraftsAndDeletedEnvironmentsHaveNothingInTheCloud() {
        assertThat(EnvironmentState.values()).filteredOn(state -> !state.hasCloudResources())
                .containsExactlyInAnyOrder(DRAFT, DELETED);
    }

    @Test
    void anEnvironmentRefusesAMoveTheEnumDoesNotAllow() {
        Environment environment = draft();

        assertThatThrownBy(() -> environment.moveTo(READY, NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DRAFT to READY");
        assertThat(environment.getState()).isEqualTo(DRAFT);
    }

    @Test
    void aFailureIsRememberedUntilTheEnvironmentMovesOn() {
        Environment environment = draft();
        environment.moveTo(PROVISIONING, NOW);

        environment.fail("nat-instance", "UnauthorizedOperation", "ec2 UnauthorizedOperation: no", NOW);
        assertThat(environment.getState()).isEqualTo(FAILED);
        assertThat(environment.getFailedStep()).isEqualTo("nat-instance");
        assertThat(environment.getFailureCode()).isEqualTo("UnauthorizedOperation");

        environment.moveTo(PROVISIONING, NOW);
        assertThat(environment.getFailedStep()).isNull();
        assertThat(environment.getFailureMessage()).isNull();
    }

    @Test
    void deletingClearsThePowerAndStampsTheTime() {
        Environment environment = draft();
        environment.setPower(EnvironmentPower.ON, NOW);

        environment.moveTo(DELETED, NOW);

        assertThat(environment.getPower()).isNull();
        assertThat(environment.getDeletedAt()).isEqualTo(NOW);
    }

    static Environment draft() {
        return new Environment(1, "abc123", new EnvironmentInput("prod", 1, "eu-central-1", FargateSize.DEFAULT,
                Architecture.ARM64, ImageSource.REPOSITORY, "latest", null, "t4g.nano", false, false, 7, List.of(),
                "xi-key-123456789"), NOW);
    }
}
