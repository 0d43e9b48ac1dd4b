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
            // Given two channels of slice 1 (made before V79 came with slice 2), one of them with only expiring keys;
            // one of slice 1 whose owner has since chosen the error rate; and one made after slice 2 was installed
            // whose owner left all four new kinds off
            insert(1, "{OPERATION_FAILED,BUDGET_CROSSED,SCHEDULE_FAILED}", "2026-11-01T00:00:00Z");
            insert(2, "{KEY_EXPIRING}", "2026-11-01T00:00:00Z");
            insert(3, "{ERROR_RATE}", "2026-11-01T00:00:00Z");
            insert(4, "{OPERATION_FAILED}", "infinity");
            jdbc.execute(migration);
            List<String> events = jdbc.queryForList("SELECT id || ' ' || array_to_string(events, ',')"
                    + " FROM notification_channel ORDER BY id", String.class);
            status.setRollbackOnly();
            return events;
        });

        assertThat(after).containsExactly(
                "1 OPERATION_FAILED,BUDGET_CROSSED,SCHEDULE_FAILED,OPERATION_RETRIED,ERROR_RATE,DRIFT_FOUND,KEY_SET_FAILING",
                "2 KEY_EXPIRING,OPERATION_RETRIED,ERROR_RATE,DRIFT_FOUND,KEY_SET_FAILING",
                "3 ERROR_RATE",
                "4 OPERATION_FAILED");
    }

    private void insert(long id, String events, String createdAt) {
        jdbc.update("INSERT INTO notification_channel (id, team_id, kind, name, events, created_at, updated_at)"
                + " VALUES (?, 1, 'SLACK', ?, CAST(? AS text[]), CAST(? AS timestamptz), now())", id, "channel " + id,
                events, createdAt);
    }
}
