package com.mcpportal.portal.environment.operation;

import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.ImageSource;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Update server" and "Roll back" in the simulated cloud, through the operations the pages, the API and the off-hours
 * pass use: a running environment rolls to the carried server's digest on a new revision, a stopped one only gets the
 * revision, a roll back returns to the previous digest and revision, and each request and outcome is audited.
 */
@PortalIntegrationTest
class ServerUpdateIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    EnvironmentOperations operations;

    @Autowired
    ServerImages serverImages;

    @Autowired
    JdbcTemplate jdbc;

    Environments environments;
    Team team;

    @BeforeEach
    void setUp() {
        environments = new Environments(context);
        team = data.team("Updates", data.user("updates-owner"));
    }

    @Test
    void aRunningEnvironmentRollsToTheCarriedServerOnANewRevisionAndKeepsThePreviousOne() {
        Environment older = environments.runsOlderServer(environments.ready(team.getId(), "running").getId());
        ImageRef olderImage = older.resources().image();
        TaskDefinitionRef olderRevision = older.resources().taskDefinition();

        long operationId = Environments.enqueued(operations.requestServerUpdate(older.getId(), Actor.user("alice")));
        Environment updated = environments.awaitState(older.getId(), EnvironmentState.READY);

        assertThat(operations.find(older.getId(), operationId).orElseThrow().state())
                .isEqualTo(OperationState.SUCCEEDED);
        ImageRef image = updated.resources().image();
        assertThat(image.version()).isEqualTo(serverImages.carriedVersion().orElseThrow());
        assertThat(image.digest()).matches("sha256:[0-9a-f]{64}").isNotEqualTo(olderImage.digest());
        assertThat(image.reference()).endsWith("@" + image.digest());
        assertThat(updated.resources().taskDefinition().revision()).isEqualTo(olderRevision.revision() + 1);
        assertThat(updated.resources().previous().image()).isEqualTo(olderImage);
        assertThat(updated.resources().previous().taskDefinition()).isEqualTo(olderRevision);
        assertThat(service(updated)).containsEntry("taskDefinition", updated.resources().taskDefinition().arn())
                .containsEntry("desiredCount", 1).containsEntry("runningCount", 1);
        assertThat(taskDefinitionImage(updated)).isEqualTo(image.reference());
        assertThat(updated.getPower()).isEqualTo(EnvironmentPower.ON);
        assertThat(stepDetail(older.getId(), operationId, "roll-out")).contains("rolled out: 1 of 1 tasks running");
        assertThat(audit(older.getId(), operationId)).containsExactly(
                List.of("environment.update-server.requested", "alice", "SUCCESS"),
                List.of("environment.server-updated", "alice", "SUCCESS"));
    }

    @Test
    void aStoppedEnvironmentOnlyGetsTheNewRevisionForItsNextStart() {
        long id = environments.runsOlderServer(environments.ready(team.getId(), "stopped").getId()).getId();
        Environments.enqueued(operations.requestStop(id, Actor.user("alice")));
        environments.awaitState(id, EnvironmentState.READY);

        long operationId = Environments.enqueued(operations.requestServerUpdate(id, Actor.user("alice")));
        Environment updated = environments.awaitState(id, EnvironmentState.READY);

        assertThat(updated.getPower()).as("still off").isEqualTo(EnvironmentPower.OFF);
        assertThat(service(updated)).containsEntry("taskDefinition", updated.resources().taskDefinition().arn())
                .containsEntry("desiredCount", 0).containsEntry("runningCount", 0);
        assertThat(stepDetail(id, operationId, "roll-out")).contains("set on the service, which is off: the next"
                + " start runs it");

        Environments.enqueued(operations.requestStart(id, Actor.user("alice")));
        Environment started = environments.awaitState(id, EnvironmentState.READY);
        assertThat(service(started)).as("the start runs the new revision")
                .containsEntry("taskDefinition", updated.resources().taskDefinition().arn())
                .containsEntry("runningCount", 1);
    }

    @Test
    void rollBackReturnsToThePreviousDigestAndRevisionAndTheSettingsNameItAgain() {
        Environment older = environments.runsOlderServer(environments.ready(team.getId(), "rollback").getId());
        Environments.enqueued(operations.requestServerUpdate(older.getId(), Actor.user("alice")));
        Environment updated = environments.awaitState(older.getId(), EnvironmentState.READY);

        long operationId = Environments.enqueued(operations.requestRollback(older.getId(), Actor.user("bob")));
        Environment rolledBack = environments.awaitState(older.getId(), EnvironmentState.READY);

        assertThat(rolledBack.resources().image().digest()).isEqualTo(older.resources().image().digest());
        assertThat(rolledBack.resources().image().version()).isEqualTo(Environments.OLDER_VERSION);
        assertThat(rolledBack.resources().taskDefinition()).isEqualTo(older.resources().taskDefinition());
        assertThat(service(rolledBack)).containsEntry("taskDefinition", older.resources().taskDefinition().arn());
        assertThat(rolledBack.resources().previous().image()).as("rolled back from")
                .isEqualTo(updated.resources().image());
        assertThat(rolledBack.getImageSource()).isEqualTo(ImageSource.PUBLISHED);
        assertThat(audit(older.getId(), operationId)).containsExactly(
                List.of("environment.roll-back.requested", "bob", "SUCCESS"),
                List.of("environment.rolled-back", "bob", "SUCCESS"));

        Environments.enqueued(operations.requestProvision(older.getId(), Actor.user("bob")));
        Environment applied = environments.awaitState(older.getId(), EnvironmentState.READY);
        assertThat(applied.resources().image()).as("\"Apply changes\" keeps the server rolled back to")
                .isEqualTo(rolledBack.resources().image());
    }

    @Test
    void withoutAnEarlierServerThereIsNothingToRollBackToAndTheRefusalIsAudited() {
        Environment ready = environments.ready(team.getId(), "fresh");

        OperationRequest answer = operations.requestRollback(ready.getId(), Actor.user("alice"));

        assertThat(answer).isInstanceOf(OperationRequest.Refused.class);
        assertThat(answer.message()).contains("nothing to roll back to");
        assertThat(jdbc.queryForList("SELECT action, actor, outcome FROM audit_event WHERE target_type = 'environment'"
                + " AND target_id = ? AND action = 'environment.roll-back.refused'", ready.getId().toString()))
                .hasSize(1);
    }

    @Test
    void anEnvironmentOnItsOwnImageIsNotUpdatedToThePortalsServer() {
        Environment ready = environments.ready(team.getId(), "own");
        jdbc.update("UPDATE environment SET image_source = 'URI', image_uri = 'ghcr.io/acme/mcp-server:1.4'"
                + " WHERE id = ?", ready.getId());

        OperationRequest answer = operations.requestServerUpdate(ready.getId(), Actor.user("alice"));

        assertThat(answer).isInstanceOf(OperationRequest.Refused.class);
        assertThat(answer.message()).contains("your own image", "deploy");
    }

    private Map<String, Object> service(Environment environment) {
        return attributes(environment, "ecs-service");
    }

    private String taskDefinitionImage(Environment environment) {
        return (String) attributes(environment, "task-definition").get("image");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> attributes(Environment environment, String component) {
        String json = jdbc.queryForObject("SELECT attributes::text FROM simulated_resource WHERE environment_id = ?"
                + " AND component = ?", String.class, environment.getCloudId(), component);
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Map.class);
    }

    private String stepDetail(long environmentId, long operationId, String step) {
        return operations.find(environmentId, operationId).orElseThrow().steps().stream()
                .filter(s -> s.name().equals(step)).findFirst().orElseThrow().detail();
    }

    /** The operation's audit events: action, actor, outcome. */
    private List<List<String>> audit(long environmentId, long operationId) {
        return jdbc.query("SELECT action, actor, outcome FROM audit_event WHERE target_type = 'environment'"
                        + " AND target_id = ? AND details->>'operation' = ? ORDER BY id",
                (rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)),
                Long.toString(environmentId), Long.toString(operationId));
    }
}
