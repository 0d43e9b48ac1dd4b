package com.mcpportal.portal.environment.operation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.update.AutoUpdates;
import com.mcpportal.portal.environment.update.UpdatePolicies;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Update automatically during off-hours": the pass updates only environments of teams that chose it, that run the
 * server the portal publishes, are behind the one it carries, off, and idle; the update is audited as actor
 * {@code system} and leaves the environment off, for its next start to run the new revision.
 */
@PortalIntegrationTest
class OffHoursUpdateIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    EnvironmentOperations operations;

    @Autowired
    AutoUpdates autoUpdates;

    @Autowired
    UpdatePolicies policies;

    @Autowired
    OperationRunner runner;

    @Autowired
    ServerImages serverImages;

    @Autowired
    JdbcTemplate jdbc;

    Environments environments;

    @BeforeEach
    void setUp() {
        environments = new Environments(context);
    }

    @AfterEach
    void stopObserving() {
        runner.observeWith(null);
    }

    @Test
    void onlyIdleEnvironmentsThatAreOffAndBehindAreUpdatedAndOnlyForTeamsThatChoseIt() throws Exception {
        Team choosing = data.team("Night updates", data.user("night-owner"));
        policies.set(choosing.getId(), true, false, "night-owner");
        Team notChoosing = data.team("Manual updates", data.user("manual-owner"));
        long offAndBehind = stopped(olderServer(choosing, "off-behind"));
        long onAndBehind = olderServer(choosing, "on-behind");
        long offAndCurrent = stopped(environments.ready(choosing.getId(), "off-current").getId());
        long busy = stopped(olderServer(choosing, "busy"));
        long otherTeam = stopped(olderServer(notChoosing, "other-team"));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                if (operations.find(busy, operationId).isPresent()) {
                    holding.countDown();
                    await(release);
                }
            }
        });
        Environments.enqueued(operations.requestProvision(busy, Actor.user("night-owner")));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        List<Long> queued = autoUpdates.updateIdleEnvironments();
        release.countDown();

        assertThat(queued).containsExactly(offAndBehind);
        Environment updated = environments.awaitState(offAndBehind, EnvironmentState.READY);
        assertThat(updated.resources().image().version()).isEqualTo(serverImages.carriedVersion().orElseThrow());
        assertThat(updated.getPower()).as("left off; the next start runs it").isEqualTo(EnvironmentPower.OFF);
        Map<String, Object> requested = jdbc.queryForMap("SELECT actor, details->>'reason' AS reason FROM audit_event"
                + " WHERE action = 'environment.update-server.requested' AND target_id = ?", Long.toString(offAndBehind));
        assertThat(requested.get("actor")).isEqualTo("system");
        assertThat((String) requested.get("reason")).startsWith("off-hours update to MCP server "
                + serverImages.carriedVersion().orElseThrow()).contains("from " + Environments.OLDER_VERSION);
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE action = 'environment.server-updated'"
                + " AND target_id = ?", String.class, Long.toString(offAndBehind))).isEqualTo("system");
        for (long untouched : List.of(onAndBehind, offAndCurrent, otherTeam)) {
            assertThat(environments.operationStates(untouched)).as("environment " + untouched)
                    .noneMatch(operation -> "UPDATE_SERVER".equals(operation.get("kind")));
        }
        environments.awaitState(busy, EnvironmentState.READY);
        assertThat(environments.operationStates(busy)).noneMatch(op -> "UPDATE_SERVER".equals(op.get("kind")));

        assertThat(autoUpdates.updateIdleEnvironments()).as("the next pass: the busy one is idle now, the updated"
                + " one is current").containsExactly(busy);
        environments.awaitState(busy, EnvironmentState.READY);
    }

    private long olderServer(Team team, String prefix) {
        return environments.runsOlderServer(environments.ready(team.getId(), prefix).getId()).getId();
    }

    private long stopped(long environmentId) {
        Environments.enqueued(operations.requestStop(environmentId, Actor.scheduler("window closed")));
        environments.awaitState(environmentId, EnvironmentState.READY);
        return environmentId;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
