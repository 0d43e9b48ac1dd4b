package com.mcpportal.portal.apikey.keyset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.IssueKeyCommand;
import com.mcpportal.portal.apikey.IssuedKey;
import com.mcpportal.portal.apikey.KeyFiles;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Key sets reach the servers after provisioning and survive failures: a failed publication is recorded, shown,
 * counted and audited once, and the periodic pass publishes it when the cause is gone; a deprovisioned
 * environment's file accepts no key any more.
 */
@PortalIntegrationTest
class KeySetPublicationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiKeyService keys;

    @Autowired
    KeySetSync sync;

    @Autowired
    MeterRegistry meters;

    @Test
    void aFailedPublicationIsShownAndRetriedUntilItSucceeds() throws Exception {
        UserAccount owner = data.user("publish-owner");
        PortalUserPrincipal asOwner = TestData.principal(owner);
        Team team = data.team("Publish", owner);
        Environments environments = new Environments(context);
        Environment environment = environments.ready(team.getId(), "publish-env");
        KeyFiles files = new KeyFiles(context);
        files.await(environment.getCloudId(), text -> text.equals(CloudProvider.EMPTY_KEY_SET),
                "got the empty set after provisioning");

        // A directory where the file should go: the move into place fails, like a full or read-only disk.
        Path file = files.of(environment.getCloudId());
        Files.delete(file);
        Files.createDirectories(file.resolve("blocker"));
        IssuedKey issued = keys.issue(team.getId(), new IssueKeyCommand("Blocked", Duration.ofDays(30), true,
                Set.of(), null));
        awaitFailing(environment.getId(), true);
        sync.publishAll(false);

        mvc.perform(get("/teams/{t}/environments/{e}", team.getId(), environment.getId()).with(user(asOwner)))
                .andExpect(content().string(containsString("may not have the current API keys")));
        mvc.perform(get("/teams/{t}/api-keys", team.getId()).with(user(asOwner)))
                .andExpect(content().string(containsString("Publishing its key set failed")));
        assertThat(jdbc.queryForList("SELECT outcome FROM audit_event WHERE team_id = ?"
                + " AND action = 'apikey.keyset.publish-failed'", String.class, team.getId()))
                .as("one audit event per failure streak").containsExactly("FAILURE");
        assertThat(meters.counter("portal.keysets.published", "environment", environment.getCloudId(),
                "outcome", "failed").count()).isGreaterThanOrEqualTo(2);

        FileSystemUtils.deleteRecursively(file);
        assertThat(sync.publishAll(false)).isGreaterThanOrEqualTo(1);
        assertThat(files.read(environment.getCloudId())).contains(issued.key().publicId());
        awaitFailing(environment.getId(), false);
        mvc.perform(get("/teams/{t}/environments/{e}", team.getId(), environment.getId()).with(user(asOwner)))
                .andExpect(content().string(not(containsString("may not have the current API keys"))))
                .andExpect(content().string(containsString("1 key published")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE team_id = ?"
                + " AND action = 'apikey.keyset.published'", Integer.class, team.getId())).isEqualTo(1);
        assertThat(sync.publishAll(false)).as("an unchanged set is not published again").isZero();

        Environments.enqueued(environments.operations().requestDeprovision(environment.getId(), Actor.user("admin")));
        environments.awaitState(environment.getId(), EnvironmentState.DELETED);
        files.await(environment.getCloudId(), text -> text.equals(CloudProvider.EMPTY_KEY_SET),
                "was emptied after deprovisioning");
    }

    private void awaitFailing(long environmentId, boolean failing) {
        await("the publication of environment " + environmentId + " " + (failing ? "failing" : "succeeding"))
                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.query("SELECT last_error IS NOT NULL FROM key_set_publication WHERE environment_id = ?",
                        rs -> rs.next() ? rs.getBoolean(1) : null, environmentId), now -> now != null && now == failing);
    }
}
