package com.mcpportal.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.mcpportal.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V86 on channels as they were before slice 2's kinds: run again on a temporary copy of {@code notification_channel}
 * (a temporary table of the same name shadows the real one within the transaction), so the shared database's channels
 * are left alone.
 */
@PortalIntegrationTest
class NotificationRulesMigrationIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void channelsMadeBeforeTheNewDefaultKindsGetThemAndChannelsThatChoseAmongThemAreLeftAlone() throws Exception {
        String migration = new ClassPathResource("db/migration/V86__notification_default_rules_for_older_channels.sql")
                .getContentAsString(StandardCharsets.UTF_8);

        List<String> after = new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("CREATE TEMPORARY TABLE notification_channel (LIKE public.notification_channel INCLUDING"
                    + " DEFAULTS) ON COMMIT DROP");
            // Given a channel of slice 1 with its defaults, one that also took expiring keys, and one made since that
            // chose the error rate only
            insert(1, "{OPERATION_FAILED,BUDGET_CROSSED,SCHEDULE_FAILED}");
            insert(2, "{KEY_EXPIRING}");
            insert(3, "{ERROR_RATE}");
            jdbc.execute(migration);
            List<String> events = jdbc.queryForList("SELECT id || ' ' || array_to_string(events, ',')"
                    + " FROM notification_channel ORDER BY id", String.class);
            status.setRollbackOnly();
            return events;
        });

        assertThat(after).containsExactly(
                "1 OPERATION_FAILED,BUDGET_CROSSED,SCHEDULE_FAILED,OPERATION_RETRIED,ERROR_RATE,DRIFT_FOUND,KEY_SET_FAILING",
                "2 KEY_EXPIRING,OPERATION_RETRIED,ERROR_RATE,DRIFT_FOUND,KEY_SET_FAILING",
                "3 ERROR_RATE");
    }

    private void insert(long id, String events) {
        jdbc.update("INSERT INTO notification_channel (id, team_id, kind, name, events, created_at, updated_at)"
                + " VALUES (?, 1, 'SLACK', ?, CAST(? AS text[]), now(), now())", id, "channel " + id, events);
    }
}
