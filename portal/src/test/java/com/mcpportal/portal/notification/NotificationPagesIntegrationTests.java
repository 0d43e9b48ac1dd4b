package com.mcpportal.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.mcpportal.portal.audit.AuditSentences;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Notifications page of a team, in the portal's shared test context (no SMTP server set up there): owners add and
 * change channels with errors beside the fields, the webhook URL's path and the signing secret are never shown or
 * audited, blank keeps them, and viewers only read.
 */
@PortalIntegrationTest
class NotificationPagesIntegrationTests {

    private static final String URL = "https://hooks.slack.com/services/T000/B000/s3cr3tT0k3nInThePath";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    private Team team;
    private PortalUserPrincipal owner;

    @BeforeEach
    void setUp() {
        UserAccount account = data.user("page-owner");
        owner = TestData.principal(account);
        team = data.team("Pages", account);
    }

    @Test
    void aNewTeamGetsNoChannelWhileNoSmtpServerIsSetUp() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_channel WHERE team_id = ?", Integer.class,
                team.getId())).isZero();
    }

    @Test
    void anOwnerAddsASlackChannelWhoseUrlIsSealedNeverShownAndKeptWhenLeftBlank() throws Exception {
        // When the owner adds a Slack channel with the default rules
        String location = mvc.perform(create("SLACK", "#alerts", URL, "", "OPERATION_FAILED", "BUDGET_CROSSED"))
                .andExpect(redirectedUrlPattern("/teams/" + team.getId() + "/notifications/*"))
                .andReturn().getResponse().getRedirectedUrl();

        // then its page names the host only, and the URL is stored sealed
        String page = page(location);
        assertThat(page).contains("#alerts").contains("https://hooks.slack.com").doesNotContain("s3cr3tT0k3n")
                .contains("Send test message");
        assertThat(jdbc.queryForObject("SELECT url_sealed FROM notification_channel WHERE team_id = ?", String.class,
                team.getId())).startsWith("v1:").doesNotContain("s3cr3t");

        // When the owner renames it and leaves the URL blank, then the URL is kept
        mvc.perform(post(location).with(user(owner)).with(csrf()).param("name", "#payments-alerts").param("url", "")
                .param("events", "BUDGET_CROSSED")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT endpoint || ' ' || array_to_string(events, ',') FROM notification_channel"
                + " WHERE team_id = ?", String.class, team.getId())).isEqualTo("https://hooks.slack.com BUDGET_CROSSED");

        // and the audit log says what changed in words, never the URL
        List<String> audit = jdbc.queryForList("SELECT details::text FROM audit_event WHERE team_id = ? AND action"
                + " LIKE 'notification.%' ORDER BY id", String.class, team.getId());
        assertThat(audit).hasSize(2).noneMatch(details -> details.contains("s3cr3t"));
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE team_id = ? AND action LIKE"
                + " 'notification.%' ORDER BY id", String.class, team.getId()))
                .containsExactly("notification.channel.created", "notification.channel.updated");
        assertThat(page("/teams/" + team.getId() + "/notifications")).contains("#payments-alerts")
                .doesNotContain("s3cr3tT0k3n");
    }

    @Test
    void badInputIsSaidBesideItsFieldAndNothingIsAdded() throws Exception {
        assertThat(refused(create("SLACK", "#x", "ftp://example.com/hook", "", "OPERATION_FAILED")))
                .contains("Enter an absolute https:// URL");
        assertThat(refused(create("WEBHOOK", "hook", "https://example.com/hook", "short", "OPERATION_FAILED")))
                .contains("Use 16 to 200 characters");
        assertThat(refused(create("SLACK", " ", URL, "", "OPERATION_FAILED"))).contains("Enter a name");
        assertThat(refused(create("SLACK", "#keys", URL, "", "KEY_EXPIRING").param("keyExpiryDays", "0")))
                .contains("Enter a whole number of days from 1 to 90, or leave it blank");
        // No SMTP server in this context: e-mail is refused with what the administrator must do.
        assertThat(refused(create("EMAIL", "mail", "", "", "OPERATION_FAILED")))
                .contains("No SMTP server is set up for the portal");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_channel WHERE team_id = ?", Integer.class,
                team.getId())).isZero();
    }

    @Test
    void aViewerSeesChannelsAndDeliveriesButCannotChangeThem() throws Exception {
        mvc.perform(create("WEBHOOK", "ops", "https://ops.example.com/hook", "signing-secret-0123456789",
                "OPERATION_FAILED")).andExpect(status().is3xxRedirection());
        long channelId = jdbc.queryForObject("SELECT id FROM notification_channel WHERE team_id = ?", Long.class,
                team.getId());
        mvc.perform(post("/teams/{t}/notifications/{c}/test", team.getId(), channelId).with(user(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        UserAccount viewerAccount = data.user("page-viewer");
        data.addMember(team, viewerAccount, TeamRole.VIEWER);
        PortalUserPrincipal viewer = TestData.principal(viewerAccount);

        String page = mvc.perform(get("/teams/{t}/notifications", team.getId()).with(user(viewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("ops").contains("https://ops.example.com").contains("Test message from the MCP Portal")
                .doesNotContain("Add a channel").doesNotContain("signing-secret-0123456789");
        mvc.perform(post("/teams/{t}/notifications/{c}/delete", team.getId(), channelId).with(user(viewer))
                .with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE team_id = ? AND action LIKE"
                + " 'notification.%' ORDER BY id", String.class, team.getId()))
                .containsExactly("notification.channel.created", "notification.channel.tested");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE team_id = ? AND details::text LIKE"
                + " '%signing-secret%'", Integer.class, team.getId())).isZero();
    }

    @Test
    void theAuditLogSaysWhatAChannelSendsAndWhenItFails() {
        assertThat(AuditSentences.of("notification.channel.created", "alice", "SUCCESS", "notification-channel", "1",
                "{\"name\": \"#alerts\", \"kind\": \"Slack incoming webhook\", \"destination\":"
                        + " \"https://hooks.slack.com\", \"events\": \"Operation failed; Budget crossed\"}"))
                .isEqualTo("alice added notification channel #alerts (Slack incoming webhook, to"
                        + " https://hooks.slack.com), sending: Operation failed; Budget crossed");
        assertThat(AuditSentences.of("notification.channel.failing", "system", "FAILURE", "notification-channel", "1",
                "{\"name\": \"#alerts\", \"failures\": 3, \"error\": \"HTTP 404 from https://hooks.slack.com\"}"))
                .isEqualTo("Notification channel #alerts is failing: 3 attempts in a row did not get through (HTTP 404"
                        + " from https://hooks.slack.com)");
    }

    private MockHttpServletRequestBuilder create(String kind, String name, String url, String secret, String... events) {
        return post("/teams/{t}/notifications", team.getId()).with(user(owner)).with(csrf()).param("kind", kind)
                .param("name", name).param("url", url).param("secret", secret).param("events", events);
    }

    private String refused(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(owner))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
