package com.mcpportal.portal.cost;

import static com.mcpportal.portal.support.HtmlText.byId;
import static com.mcpportal.portal.support.HtmlText.hasId;
import static com.mcpportal.portal.support.HtmlText.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cost.budget.TeamBudgets;
import com.mcpportal.portal.cost.pricing.DatabasePriceCatalog;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentInput;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.web.Flash;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A team's monthly budget: owners set it; crossing it (either way) shows a warning and writes one audit event per
 * crossing, however often the team is looked at or checked. The team has the seed's environment provisioned in
 * us-east-1 on weekdays 08–20: $6.69 a month (see {@link EnvironmentCostPageIntegrationTests}).
 */
@CostIntegrationTest
class BudgetAlertIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TeamBudgets budgets;

    @Autowired
    EnvironmentService environments;

    @Autowired
    DatabasePriceCatalog priceCache;

    private CostFixtures fixtures;
    private Team team;
    private PortalUserPrincipal owner;

    @BeforeEach
    void setUp() {
        fixtures = new CostFixtures(context);
        jdbc.update("DELETE FROM price");
        priceCache.reload();
        UserAccount account = data.user("budget-owner");
        owner = TestData.principal(account);
        team = data.team("Budget", account);
    }

    private void setBudget(String amount) throws Exception {
        mvc.perform(post("/teams/{t}/costs/budget", team.getId()).with(user(owner)).with(csrf())
                .param("monthlyBudget", amount)).andExpect(redirectedUrl("/teams/" + team.getId() + "/costs"));
    }

    private List<String> budgetEvents() {
        return jdbc.queryForList("SELECT action || ' by ' || actor FROM audit_event WHERE team_id = ?"
                + " AND action LIKE 'cost.budget.%' ORDER BY id", String.class, team.getId());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(owner))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void crossingTheBudgetWarnsAndIsAuditedOncePerCrossing() throws Exception {
        Environment environment = fixtures.ready(team.getId(), "us-east-1");

        mvc.perform(post("/teams/{t}/costs/budget", team.getId()).with(user(owner)).with(csrf())
                        .param("monthlyBudget", "$5"))
                .andExpect(flash().attribute(Flash.ATTRIBUTE,
                        new Flash("success", "Set the monthly budget to $5.00. The estimate is above it.")));

        assertThat(budgetEvents()).containsExactly("cost.budget.set by " + owner.getUsername(),
                "cost.budget.exceeded by system");
        assertThat(jdbc.queryForObject("SELECT details::text FROM audit_event WHERE team_id = ? AND action ="
                + " 'cost.budget.exceeded'", String.class, team.getId()))
                .contains("\"budgetUsd\": 5.00").contains("\"estimateUsd\": 6.69")
                // the budget change found it, or the provisioning's own check if that ran a moment later
                .containsAnyOf("\"trigger\": \"budget set\"",
                        "\"trigger\": \"environment " + environment.getId() + " provision\"");
        String teamPage = page("/teams/" + team.getId());
        assertThat(byId(teamPage, "budget-warning")).contains("estimated bill of $6.69 a month is above its monthly"
                + " budget of $5.00");
        assertThat(byId(page("/teams/" + team.getId() + "/costs"), "budget-warning")).contains("$6.69");

        // Looking again, checking again, the daily check, a change that keeps the cost: still one crossing.
        page("/teams/" + team.getId());
        budgets.evaluate(team.getId(), "test");
        budgets.evaluateAll("daily price refresh");
        environments.update(team.getId(), environment.getId(), input(environment, environment.getSize()));
        assertThat(budgetEvents()).containsExactly("cost.budget.set by " + owner.getUsername(),
                "cost.budget.exceeded by system");

        setBudget("10");
        assertThat(budgetEvents()).endsWith("cost.budget.set by " + owner.getUsername(),
                "cost.budget.back-within by system");
        assertThat(hasId(page("/teams/" + team.getId()), "budget-warning")).isFalse();

        // 1 vCPU / 2 GB on the same schedule: $14.62 a month, over $10 again.
        environments.update(team.getId(), environment.getId(), input(environment, new FargateSize(1024, 2048)));
        assertThat(budgetEvents()).hasSize(5).last().isEqualTo("cost.budget.exceeded by system");
        assertThat(jdbc.queryForObject("SELECT details::text FROM audit_event WHERE team_id = ? AND action ="
                + " 'cost.budget.exceeded' ORDER BY id DESC LIMIT 1", String.class, team.getId()))
                .contains("\"estimateUsd\": 14.62").contains("environment " + environment.getId() + " updated");
        assertThat(byId(page("/teams/" + team.getId()), "budget-warning")).contains("$14.62").contains("$10.00");
    }

    @Test
    void draftsCostNothingYetSoTheyNeverCrossTheBudget() throws Exception {
        fixtures.draft(team.getId(), "us-east-1");

        setBudget("1");

        assertThat(budgetEvents()).containsExactly("cost.budget.set by " + owner.getUsername());
        assertThat(byId(page("/teams/" + team.getId() + "/costs"), "team-total")).isEqualTo("$0.00");
    }

    @Test
    void onlyOwnersSetABudgetAndBadAmountsAreExplainedBesideTheField() throws Exception {
        UserAccount viewer = data.user("budget-viewer");
        data.addMember(team, viewer, TeamRole.VIEWER);
        mvc.perform(post("/teams/{t}/costs/budget", team.getId()).with(user(TestData.principal(viewer))).with(csrf())
                .param("monthlyBudget", "100")).andExpect(status().isForbidden());

        for (Map.Entry<String, String> bad : Map.of("-5", "Enter a budget above $0",
                "lots", "Enter an amount in dollars", "12.345", "Enter dollars and cents",
                "2000000", "at most $1,000,000").entrySet()) {
            String html = mvc.perform(post("/teams/{t}/costs/budget", team.getId()).with(user(owner)).with(csrf())
                    .param("monthlyBudget", bad.getKey())).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(text(html)).as(bad.getKey()).contains(bad.getValue());
            assertThat(html).contains("value=\"" + bad.getKey() + "\"");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM team_budget WHERE team_id = ?", Integer.class,
                team.getId())).isZero();
        assertThat(budgetEvents()).isEmpty();

        setBudget("25.50");
        setBudget("");
        assertThat(budgetEvents()).containsExactly("cost.budget.set by " + owner.getUsername(),
                "cost.budget.removed by " + owner.getUsername());
    }

    private static EnvironmentInput input(Environment environment, FargateSize size) {
        return new EnvironmentInput(environment.getName(), environment.getCloudAccountId(), environment.getRegion(),
                size, environment.getArchitecture(), environment.getImageSource(), environment.getImageTag(),
                environment.getImageUri(), environment.getNatInstanceType(), environment.isNatSpot(),
                environment.isFargateSpot(), environment.getLogRetentionDays(), environment.cidrs(), null);
    }
}
