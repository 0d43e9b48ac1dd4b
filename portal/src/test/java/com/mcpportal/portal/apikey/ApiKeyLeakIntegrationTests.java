package com.mcpportal.portal.apikey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mcpportal.portal.apikey.keyset.KeySetSync;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.SecretSearch;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A key's plaintext is shown once and kept nowhere: after issuing, rolling, rotating, revealing and revoking keys
 * through the pages (with the portal's and Spring's request logging at DEBUG), neither the captured logs, nor any
 * text, JSON or binary column of any table, nor the published key files contain a key or its secret part.
 * {@code isolation.SecretLeakIntegrationTests} widens the search to every other secret along a whole journey.
 */
@PortalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyLeakIntegrationTests {

    private static final List<String> VERBOSE = List.of("com.mcpportal", "org.springframework.web",
            "org.springframework.security", "org.hibernate.SQL", "org.thymeleaf");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KeyRotation rotation;

    @Autowired
    KeySetSync sync;

    @AfterEach
    void quiet() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        VERBOSE.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void noKeyIsFoundInLogsTablesOrFilesAfterItWasShown(CapturedOutput output) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        VERBOSE.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
        UserAccount owner = data.user("leak-owner");
        PortalUserPrincipal asOwner = TestData.principal(owner);
        Team team = data.team("Leak", owner);
        Environment environment = new Environments(context).ready(team.getId(), "leak-env");
        List<String> keys = new ArrayList<>();

        keys.add(shown(mvc.perform(post("/teams/{t}/api-keys", team.getId()).with(user(asOwner)).with(csrf())
                .param("name", "Leak check").param("lifetime", "30").param("scope", "selected")
                .param("environmentIds", environment.getId().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()));
        long firstId = idOf(keys.get(0));
        keys.add(shown(mvc.perform(post("/teams/{t}/api-keys/{k}/roll", team.getId(), firstId).with(user(asOwner))
                .with(csrf()).param("grace", "ONE_HOUR")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()));
        rotation.setPolicy(team.getId(), 1, GracePeriod.NONE);
        jdbc.update("UPDATE api_key SET created_at = created_at - interval '2 days' WHERE id = ?", idOf(keys.get(1)));
        rotation.rollDue(Instant.now());
        long rotatedId = jdbc.queryForObject("SELECT rolled_to_id FROM api_key WHERE id = ?", Long.class,
                idOf(keys.get(1)));
        keys.add(shown(mvc.perform(post("/teams/{t}/api-keys/{k}/reveal", team.getId(), rotatedId).with(user(asOwner))
                .with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()));
        mvc.perform(post("/teams/{t}/api-keys/{k}/revoke", team.getId(), firstId).with(user(asOwner)).with(csrf()));
        mvc.perform(get("/teams/{t}/api-keys", team.getId()).with(user(asOwner))).andExpect(status().isOk());
        rotation.noteExpired(Instant.now());
        sync.publishAll(true);
        new KeyFiles(context).await(environment.getCloudId(),
                text -> text.contains(ApiKeyFormat.MCP.publicIdOf(keys.get(2)).orElseThrow()), "listed the rotated key");

        assertThat(keys).hasSize(3).doesNotHaveDuplicates();
        assertThat(output.getAll()).as("the captured logs are real").contains("POST", "/api-keys");
        for (String key : keys) {
            String secret = key.substring(key.lastIndexOf('_') + 1);
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(new SecretSearch(jdbc).columnsContaining(secret)).as("columns holding the key %s", key).isEmpty();
            assertThat(SecretSearch.filesContaining(context.getBean(ApiKeySettings.class).simulatedDir(), secret))
                    .as("key files holding the key %s", key).isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE sha256 = ?", Integer.class,
                    ApiKeyFormat.sha256Hex(key))).as("only its digest is stored").isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE team_id = ? AND action LIKE 'apikey.%'"
                + " AND details::text LIKE '%publicId%'", Integer.class, team.getId())).isGreaterThanOrEqualTo(5);
    }

    private long idOf(String key) {
        return jdbc.queryForObject("SELECT id FROM api_key WHERE public_id = ?", Long.class,
                ApiKeyFormat.MCP.publicIdOf(key).orElseThrow());
    }

    private static String shown(String page) {
        return KeyFiles.keyIn(page);
    }
}
