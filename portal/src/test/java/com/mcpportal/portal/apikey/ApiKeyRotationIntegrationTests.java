package com.mcpportal.portal.apikey;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import com.mcpportal.portal.apikey.keyset.KeySetSync;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static com.mcpportal.portal.apikey.ApiKeyFlowIntegrationTests.flashMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A team's rotation policy through the daily job: due keys rolled, the new key shown once to an owner, expiry. */
@PortalIntegrationTest
class ApiKeyRotationIntegrationTests {

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

    @Test
    void theDailyJobRollsDueKeysAndShowsTheNewKeyOnceToAnOwner() throws Exception {
        UserAccount owner = data.user("rotation-owner");
        UserAccount operator = data.user("rotation-operator");
        Team team = data.team("Rotation", owner);
        data.addMember(team, operator, TeamRole.OPERATOR);
        PortalUserPrincipal asOwner = TestData.principal(owner);
        Environment environment = new Environments(context).ready(team.getId(), "rotation-env");
        KeyFiles files = new KeyFiles(context);

        mvc.perform(post("/teams/{t}/api-keys/rotation", team.getId()).with(user(asOwner)).with(csrf())
                        .param("everyDays", "30").param("grace", "ONE_DAY"))
                .andExpect(redirectedUrl("/teams/" + team.getId() + "/api-keys"));
        mvc.perform(get("/teams/{t}/api-keys", team.getId()).with(user(TestData.principal(operator))))
                .andExpect(content().string(containsString("when it is 30 days old")));
        String old = KeyFiles.keyIn(mvc.perform(post("/teams/{t}/api-keys", team.getId()).with(user(asOwner))
                .with(csrf()).param("name", "Nightly build").param("lifetime", "90").param("scope", "all"))
                .andReturn().getResponse().getContentAsString());
        String oldId = ApiKeyFormat.MCP.publicIdOf(old).orElseThrow();
        String fresh = KeyFiles.keyIn(mvc.perform(post("/teams/{t}/api-keys", team.getId()).with(user(asOwner))
                .with(csrf()).param("name", "Young").param("lifetime", "90").param("scope", "all"))
                .andReturn().getResponse().getContentAsString());
        jdbc.update("UPDATE api_key SET created_at = created_at - interval '31 days' WHERE public_id = ?", oldId);

        Instant now = Instant.now();
        assertThat(rotation.rollDue(now)).isGreaterThanOrEqualTo(1);

        Long successorId = jdbc.queryForObject("SELECT rolled_to_id FROM api_key WHERE public_id = ?", Long.class, oldId);
        assertThat(successorId).isNotNull();
        assertThat(jdbc.queryForObject("SELECT rolled_to_id FROM api_key WHERE public_id = ?", Long.class,
                ApiKeyFormat.MCP.publicIdOf(fresh).orElseThrow())).as("a young key is left alone").isNull();
        assertThat(jdbc.queryForObject("SELECT expires_at FROM api_key WHERE public_id = ?", Timestamp.class, oldId)
                .toInstant()).isBetween(now.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));
        assertThat(jdbc.queryForObject("SELECT created_by FROM api_key WHERE id = ?", String.class, successorId))
                .isEqualTo("scheduler");
        assertThat(jdbc.queryForObject("SELECT sealed_key FROM api_key_reveal WHERE api_key_id = ?", String.class,
                successorId)).startsWith("v1:");
        assertThat(rotation.rollDue(Instant.now())).as("nothing is due twice").isZero();

        mvc.perform(get("/teams").with(user(TestData.principal(operator))))
                .andExpect(content().string(not(containsString("was rotated"))));
        mvc.perform(get("/teams").with(user(asOwner)))
                .andExpect(content().string(containsString("key “Nightly build” was rotated")));

        MockHttpServletResponse revealed = mvc.perform(post("/teams/{t}/api-keys/{k}/reveal", team.getId(), successorId)
                .with(user(asOwner)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse();
        String rotated = KeyFiles.keyIn(revealed.getContentAsString());
        assertThat(revealed.getHeader("Cache-Control")).contains("no-store");
        assertThat(ApiKeyFormat.sha256Hex(rotated)).isEqualTo(jdbc.queryForObject(
                "SELECT sha256 FROM api_key WHERE id = ?", String.class, successorId));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key_reveal WHERE api_key_id = ?", Integer.class,
                successorId)).isZero();
        mvc.perform(post("/teams/{t}/api-keys/{k}/reveal", team.getId(), successorId).with(user(asOwner)).with(csrf()))
                .andExpect(redirectedUrl("/teams/" + team.getId() + "/api-keys"))
                .andExpect(flashMessage("already shown"));
        mvc.perform(get("/teams").with(user(asOwner))).andExpect(content().string(not(containsString("was rotated"))));

        String rotatedId = ApiKeyFormat.MCP.publicIdOf(rotated).orElseThrow();
        files.await(environment.getCloudId(), text -> text.contains(oldId) && text.contains(rotatedId),
                "listed the old key (in its grace period) and the new one");
        assertThat(jdbc.queryForList("SELECT actor || ' ' || action FROM audit_event WHERE team_id = ?"
                + " AND action IN ('apikey.rolled', 'apikey.rotated-key.viewed') ORDER BY id", String.class,
                team.getId())).containsExactly("scheduler apikey.rolled", owner.getUsername()
                + " apikey.rotated-key.viewed");

        // The grace period ends: the old key is noticed as expired, audited, and left out of the set.
        jdbc.update("UPDATE api_key SET expires_at = now() - interval '1 second' WHERE public_id = ?", oldId);
        assertThat(rotation.noteExpired(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(rotation.noteExpired(Instant.now())).isZero();
        sync.publishAll(false);
        files.await(environment.getCloudId(), text -> !text.contains(oldId) && text.contains(rotatedId),
                "dropped the expired key");
        assertThat(jdbc.queryForObject("SELECT details->>'reason' FROM audit_event WHERE team_id = ?"
                + " AND action = 'apikey.expired'", String.class, team.getId())).isEqualTo("grace period after roll ended");

        mvc.perform(post("/teams/{t}/api-keys/rotation/remove", team.getId()).with(user(asOwner)).with(csrf()))
                .andExpect(redirectedUrl("/teams/" + team.getId() + "/api-keys"));
        assertThat(rotation.policy(team.getId())).isEmpty();
    }

    @Test
    void aPolicyOutsideTheRulesIsRefusedBesideTheField() throws Exception {
        UserAccount owner = data.user("policy-owner");
        Team team = data.team("Policy", owner);
        mvc.perform(post("/teams/{t}/api-keys/rotation", team.getId()).with(user(TestData.principal(owner)))
                        .with(csrf()).param("everyDays", "0").param("grace", "ONE_DAY"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("At least 1 day.")));
        assertThat(rotation.policy(team.getId())).isEmpty();
    }
}
