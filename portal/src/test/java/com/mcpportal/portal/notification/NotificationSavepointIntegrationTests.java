package com.mcpportal.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.FailingSteps;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A notice that cannot be written never costs the event it reports: a failed provisioning whose notice the database
 * refuses (a PostgreSQL trigger on the outbox, for this test's team only, standing in for e.g. a channel deleted
 * between reading the channel list and inserting its message) still ends FAILED with its audit event.
 */
@PortalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationSavepointIntegrationTests {

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationChannels channels;

    private UserAccount owner;
    private Team team;

    @BeforeEach
    void setUp() {
        owner = data.user("savepoint-owner");
        team = data.team("Savepoint", owner);
        jdbc.execute("CREATE OR REPLACE FUNCTION refuse_test_notices() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN RAISE EXCEPTION 'refused by the test'; END $$");
        jdbc.execute("CREATE TRIGGER refuse_test_notices BEFORE INSERT ON notification_delivery FOR EACH ROW"
                + " WHEN (NEW.team_id = " + team.getId() + ") EXECUTE FUNCTION refuse_test_notices()");
    }

    @AfterEach
    void dropTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS refuse_test_notices ON notification_delivery");
        jdbc.execute("DROP FUNCTION IF EXISTS refuse_test_notices()");
    }

    @Test
    void aFailedProvisioningWhoseNoticeTheDatabaseRefusesStillEndsFailedAndAudited(CapturedOutput output) {
        channels.create(team.getId(), new ChannelForm("WEBHOOK", "Ops", null, "https://hooks.example.com/in",
                "savepoint-signing-secret-0123456789", List.of("OPERATION_FAILED")));
        Environments environments = new Environments(context);
        Environment draft = environments.draft(team.getId(), "refused");

        try (FailingSteps failing = FailingSteps.failNextStepOf(context, draft.getId())) {
            environments.operations().requestProvision(draft.getId(), Actor.user(owner.getUsername()));
            await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(state("operation", draft)));
        }

        assertThat(state("environment", draft)).isEqualTo("FAILED");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE team_id = ? AND action LIKE 'environment.%'"
                + " ORDER BY id", String.class, team.getId())).contains("environment.provision.failed");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_delivery WHERE team_id = ?", Integer.class,
                team.getId())).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains(
                "Could not queue the notification about operation") && output.getAll().contains("refused by the test"));
    }

    private String state(String table, Environment environment) {
        String column = table.equals("operation") ? "environment_id" : "id";
        return jdbc.queryForList("SELECT state FROM " + table + " WHERE " + column + " = ? ORDER BY id DESC LIMIT 1",
                String.class, environment.getId()).stream().findFirst().orElse(null);
    }
}
