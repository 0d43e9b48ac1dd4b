package com.mcpportal.portal.environment;

import static com.mcpportal.portal.support.HtmlText.byId;
import static com.mcpportal.portal.support.HtmlText.hasId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * The team's home is a dashboard: each environment with its state, power and the next schedule change, endpoint,
 * month's cost, error-rate flag, last operation, and only the actions that make sense now; an empty team gets the
 * first steps instead, and members and settings are one link away.
 */
@PortalIntegrationTest
class TeamDashboardIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    EnvironmentOperations operations;

    @Autowired
    EnvironmentEstimates estimates;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachEnvironmentShowsWhatItIsDoingAndOnlyTheActionsThatMakeSense() throws Exception {
        UserAccount owner = data.user("dash-owner");
        Team team = data.team("Dashboard", owner);
        Environments environments = new Environments(context);
        Environment draft = environments.draft(team.getId(), "dash-draft");
        Environment on = environments.ready(team.getId(), "dash-on");
        Environment off = environments.ready(team.getId(), "dash-off");
        Environments.enqueued(operations.requestStop(off.getId(), Actor.user(owner.getUsername())));
        off = environments.awaitState(off.getId(), EnvironmentState.READY);
        jdbc.update("INSERT INTO environment_error_rate (environment_id, checked_at, figures_at, hours,"
                + " window_requests, window_errors, flagged, flagged_since) VALUES (?, now(), now(), '[]', 200, 40,"
                + " true, now())", on.getId());

        String html = page(owner, "/teams/" + team.getId());

        assertThat(html).contains("<title>" + team.getName() + " · MCP Portal</title>")
                .contains("href=\"/teams/" + team.getId() + "/settings\"");
        assertThat(hasId(html, "first-steps")).isFalse();
        assertThat(byId(html, "env-" + on.getId())).contains(on.getName(), "Ready", "High error rate", "Power On",
                        on.resources().mcpUrl(), "Copy", "Last operation Provision succeeded")
                .containsPattern("This month ≈ \\$\\d+\\.\\d\\d so far · \\$\\d+\\.\\d\\d forecast")
                .contains(usd(estimates.monthly(on).orElseThrow().usd()) + " forecast");
        assertThat(byId(html, "env-" + off.getId())).contains("Power Off", "Last operation Stop succeeded")
                .doesNotContain("High error rate");
        assertThat(byId(html, "env-" + draft.getId())).contains("Draft", "Endpoint none yet",
                "Last operation none yet", "This month nothing yet · " + usd(estimates.monthly(draft).orElseThrow()
                        .usd()) + " a month once provisioned");
        assertThat(actions(html, on)).containsExactly("stop");
        assertThat(actions(html, off)).containsExactly("start");
        assertThat(actions(html, draft)).containsExactly("provision");
        assertThat(html).contains("<script src=\"/js/copy.js\" defer></script>");
    }

    @Test
    void aViewerSeesTheEnvironmentsButNoActions() throws Exception {
        UserAccount owner = data.user("dash-lead");
        UserAccount viewer = data.user("dash-viewer");
        Team team = data.team("Watched", owner);
        data.addMember(team, viewer, TeamRole.VIEWER);
        Environment ready = new Environments(context).ready(team.getId(), "dash-watched");

        String html = page(viewer, "/teams/" + team.getId());

        assertThat(byId(html, "env-" + ready.getId())).contains(ready.getName(), "Power On", "Open");
        assertThat(actions(html, ready)).isEmpty();
    }

    @Test
    void anEmptyTeamLearnsTheFirstStepsWithLinks() throws Exception {
        UserAccount owner = data.user("dash-new");
        Team team = data.team("Fresh", owner);

        String html = page(owner, "/teams/" + team.getId());

        assertThat(byId(html, "first-steps")).contains("A cloud account.", "Done: the portal has one",
                "An environment", "Create an environment", "An API key", "Issue a key", "Paste into a client",
                "Claude Code");
        assertThat(html).contains("href=\"/teams/" + team.getId() + "/environments/new\"")
                .contains("href=\"/teams/" + team.getId() + "/api-keys/new\"")
                .doesNotContain("class=\"card env-card\"");
    }

    @Test
    void membersAndSettingsMovedOneLinkAway() throws Exception {
        UserAccount owner = data.user("dash-settings");
        Team team = data.team("Settled", owner);

        String html = page(owner, "/teams/" + team.getId() + "/settings");

        assertThat(html).contains("<title>Members &amp; settings · " + team.getName() + " · MCP Portal</title>")
                .contains("Add a member").contains(owner.getUsername());
    }

    /** The power and provisioning actions the card offers, by the last part of their form's URL. */
    private static List<String> actions(String html, Environment environment) {
        String prefix = "action=\"/teams/" + environment.getTeamId() + "/environments/" + environment.getId() + "/";
        List<String> found = new ArrayList<>();
        for (String verb : List.of("start", "stop", "provision")) {
            if (html.contains(prefix + verb + "\"")) {
                found.add(verb);
            }
        }
        return found;
    }

    private static String usd(BigDecimal amount) {
        return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private String page(UserAccount account, String path) throws Exception {
        PortalUserPrincipal principal = TestData.principal(account);
        return mvc.perform(get(path).with(user(principal))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
