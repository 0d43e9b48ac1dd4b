package com.mcpportal.portal.cost;

import static com.mcpportal.portal.support.HtmlText.byId;
import static com.mcpportal.portal.support.HtmlText.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mcpportal.portal.cost.pricing.DatabasePriceCatalog;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Team and portal totals, per environment and per component, with their charts. The team runs the seed's
 * environment twice in us-east-1: one on weekdays 08–20 ($6.69), one 24/7 ($15.58); a third is still a draft.
 */
@CostIntegrationTest
class TeamCostIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestEnvironmentSchedules schedules;

    @Autowired
    DatabasePriceCatalog priceCache;

    private Team team;
    private PortalUserPrincipal member;
    private Environment office;
    private Environment allDay;
    private Environment draft;

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM price");
        priceCache.reload();
        CostFixtures fixtures = new CostFixtures(context);
        UserAccount account = data.user("totals-owner");
        member = TestData.principal(account);
        team = data.team("Totals", account);
        office = fixtures.ready(team.getId(), "us-east-1");
        allDay = fixtures.ready(team.getId(), "us-east-1");
        schedules.set(allDay.getId(), Schedule.weekly(ZoneOffset.UTC, Arrays.stream(DayOfWeek.values())
                .map(day -> ScheduleWindow.of(day, "00:00", "00:00")).toList()));
        draft = fixtures.draft(team.getId(), "us-east-1");
    }

    @Test
    void teamPageAddsUpProvisionedEnvironmentsPerEnvironmentAndPerComponentWithCharts() throws Exception {
        String html = mvc.perform(get("/teams/{t}/costs", team.getId()).with(user(member))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        // $6.6892502670 + $15.5774511378 = $22.27; both 24/7: 2 × $15.58
        assertThat(byId(html, "team-total")).isEqualTo("$22.27");
        assertThat(byId(html, "team-always-on")).isEqualTo("$31.15");
        String environments = byId(html, "team-environments");
        assertThat(environments).contains(office.getName() + " Ready Mon–Fri 08:00–20:00 (UTC) 267.8 $6.69 $15.58")
                .contains(allDay.getName() + " Ready 24/7 730.5 $15.58 $15.58")
                .contains(draft.getName() + " Draft (not billed yet)")
                .contains("Total of provisioned environments $22.27 $31.15");
        // Fargate: 267.8445 h and 730.485 h × $0.009875 = $2.64 + $7.21
        assertThat(byId(html, "team-components")).contains("Fargate task $9.86").contains("NAT root volume (EBS gp3) $1.28");

        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"bar-chart\"")
                .contains("aria-labelledby=\"chart-components-title chart-components-desc\"");
        assertThat(byId(html, "chart-components-title")).isEqualTo("Monthly cost per component");
        assertThat(byId(html, "chart-components-desc")).startsWith("Monthly estimate, largest first: Fargate task $9.86;");
        assertThat(byId(html, "chart-environments-desc")).isEqualTo("Monthly estimate, largest first: "
                + allDay.getName() + " $15.58; " + office.getName() + " $6.69.");
        assertThat(byId(html, "chart-environments")).contains(allDay.getName() + " $15.58");
    }

    @Test
    void adminsSeeEveryTeamAndOthersAreTurnedAway() throws Exception {
        String html = mvc.perform(get("/admin/costs").with(user(TestData.principal(data.admin()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(byId(html, "portal-teams")).contains(team.getName() + " 2 $22.27 $31.15");
        assertThat(text(html)).contains("Monthly cost per team").contains("Refresh prices now");
        mvc.perform(get("/admin/costs").with(user(member))).andExpect(status().isForbidden());
    }

    @Test
    void theTeamPageLinksToItsCosts() throws Exception {
        String html = mvc.perform(get("/teams/{t}", team.getId()).with(user(member))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("href=\"/teams/" + team.getId() + "/costs\"");
    }
}
