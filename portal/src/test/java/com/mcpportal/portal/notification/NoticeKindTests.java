package com.mcpportal.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The rule for the next kind of event (README "Notifications"): a kind a new channel gets by default is turned on for
 * the channels made before it by a migration, or those channels never hear of it.
 */
class NoticeKindTests {

    /** Each default-on kind and the migration that gave it to the channels made before it (V77: there were none). */
    private static final Map<NoticeKind, String> TURNED_ON_BY = new LinkedHashMap<>();

    static {
        TURNED_ON_BY.put(NoticeKind.OPERATION_FAILED, "V77");
        TURNED_ON_BY.put(NoticeKind.BUDGET_CROSSED, "V77");
        TURNED_ON_BY.put(NoticeKind.SCHEDULE_FAILED, "V79");
        TURNED_ON_BY.put(NoticeKind.OPERATION_RETRIED, "V86");
        TURNED_ON_BY.put(NoticeKind.ERROR_RATE, "V86");
        TURNED_ON_BY.put(NoticeKind.DRIFT_FOUND, "V86");
        TURNED_ON_BY.put(NoticeKind.KEY_SET_FAILING, "V86");
    }

    @Test
    void everyDefaultOnKindIsTurnedOnForOlderChannelsByAMigrationThatNamesIt() throws IOException {
        assertThat(NoticeKind.defaults())
                .as("A new default-on kind needs a migration that turns it on for the channels made before it (as"
                        + " V86 does); then add the pair here.")
                .containsExactlyInAnyOrderElementsOf(TURNED_ON_BY.keySet());
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
        for (Map.Entry<NoticeKind, String> pair : TURNED_ON_BY.entrySet()) {
            if (pair.getValue().equals("V77")) {
                continue;
            }
            Resource migration = Arrays.stream(migrations)
                    .filter(file -> file.getFilename().startsWith(pair.getValue() + "__")).findFirst().orElseThrow();
            assertThat(migration.getContentAsString(StandardCharsets.UTF_8)).as(migration.getFilename())
                    .contains("'" + pair.getKey().name() + "'");
        }
    }
}
