package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mcpportal.portal.api.ApiAuth;
import com.mcpportal.portal.cost.pricing.DatabasePriceCatalog;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.mcpportal.portal.api.ApiAuth.as;
import static com.mcpportal.portal.cost.CostApiIntegrationTests.cents;
import static com.mcpportal.portal.cost.CostApiIntegrationTests.sum;
import static com.mcpportal.portal.cost.CostApiIntegrationTests.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A team's totals and budget through the REST API. The team runs the seed's environment twice in us-east-1: one on
 * weekdays 08–20 ($6.69), one 24/7 ($15.58); a third is still a draft (see TeamCostIntegrationTests).
 */
@CostIntegrationTest
class CostBudgetApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    private PortalUserPrincipal owner;

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM price");
        priceCache.reload();
        UserAccount account = data.user("budget-api-owner");
        owner = TestData.principal(account);
        team = data.team("Budget API", account);
    }

    @Test
    void teamTotalsCountProvisionedEnvironmentsAndAddUpPerEnvironmentAndPerComponent() throws Exception {
        CostFixtures fixtures = new CostFixtures(context);
        Environment office = fixtures.ready(team.getId(), "us-east-1");
        Environment allDay = fixtures.ready(team.getId(), "us-east-1");
        schedules.set(allDay.getId(), Schedule.weekly(ZoneOffset.UTC, Arrays.stream(DayOfWeek.values())
                .map(day -> ScheduleWindow.of(day, "00:00", "00:00")).toList()));
        Environment draft = fixtures.draft(team.getId(), "us-east-1");
        UserAccount viewer = data.user("budget-api-viewer");
        data.addMember(team, viewer, TeamRole.VIEWER);

        JsonNode costs = json(get("/api/v1/teams/{t}/costs", team.getId()).with(as(TestData.principal(viewer))));

        assertThat(costs.path("currency").asString()).isEqualTo("USD");
        assertThat(cents(costs.path("totalUsd"))).isEqualTo("22.27");
        assertThat(cents(costs.path("alwaysOnUsd"))).isEqualTo("31.15");
        JsonNode environments = costs.path("environments");
        assertThat(environments).hasSize(3);
        JsonNode counted = line(environments, office.getId());
        assertThat(counted.path("counted").asBoolean()).isTrue();
        assertThat(cents(counted.path("monthlyUsd"))).isEqualTo("6.69");
        assertThat(cents(line(environments, allDay.getId()).path("monthlyUsd"))).isEqualTo("15.58");
        JsonNode planned = line(environments, draft.getId());
        assertThat(planned.path("counted").asBoolean()).as("a draft is planned, not billed").isFalse();
        assertThat(planned.path("state").asString()).isEqualTo("DRAFT");
        assertThat(cents(planned.path("monthlyUsd"))).isEqualTo("6.69");

        BigDecimal countedSum = BigDecimal.ZERO;
        for (JsonNode environment : environments) {
            if (environment.path("counted").asBoolean()) {
                countedSum = countedSum.add(usd(environment.path("monthlyUsd")));
            }
        }
        assertThat(countedSum).as("the total is the sum of the counted environments")
                .isEqualByComparingTo(usd(costs.path("totalUsd")));
        assertThat(sum(costs.path("byComponent"), "monthlyUsd")).as("and of the components")
                .isEqualByComparingTo(usd(costs.path("totalUsd")));
        assertThat(cents(component(costs, "FARGATE"))).isEqualTo("9.86");
        assertThat(cents(component(costs, "NAT_ROOT_VOLUME"))).isEqualTo("1.28");
        assertThat(costs.path("budget").isNull()).isTrue();

        // An owner sets a budget below the estimate: the answer says so at once, and the team's costs show it.
        JsonNode budget = json(put("/api/v1/teams/{t}/budget", team.getId()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"monthlyUsd\": \"20.00\"}").with(as(owner)));
        assertThat(usd(budget.path("monthlyUsd"))).isEqualByComparingTo("20");
        assertThat(budget.path("overBudget").asBoolean()).isTrue();
        assertThat(cents(budget.path("lastEstimateUsd"))).isEqualTo("22.27");
        assertThat(budget.path("updatedBy").asString()).isEqualTo(owner.getUsername());
        JsonNode again = json(get("/api/v1/teams/{t}/costs", team.getId()).with(as(owner)));
        assertThat(again.path("budget").path("overBudget").asBoolean()).isTrue();
        assertThat(budgetEvents()).containsExactly("cost.budget.set", "cost.budget.exceeded");
    }

    @Test
    void ownersSetAndRemoveTheBudgetAsANumberOrStringOthersCannot() throws Exception {
        JsonNode set = json(put("/api/v1/teams/{t}/budget", team.getId()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"monthlyUsd\": 250.5}").with(as(owner)));
        assertThat(usd(set.path("monthlyUsd"))).isEqualByComparingTo("250.50");
        assertThat(set.path("overBudget").asBoolean()).as("no environments, nothing to pay").isFalse();
        assertThat(jdbc.queryForObject("SELECT monthly_usd FROM team_budget WHERE team_id = ?", BigDecimal.class,
                team.getId())).isEqualByComparingTo("250.50");

        UserAccount operator = data.user("budget-api-operator");
        data.addMember(team, operator, TeamRole.OPERATOR);
        UserAccount viewer = data.user("budget-api-viewer");
        data.addMember(team, viewer, TeamRole.VIEWER);
        for (UserAccount member : List.of(operator, viewer)) {
            PortalUserPrincipal as = TestData.principal(member);
            mvc.perform(put("/api/v1/teams/{t}/budget", team.getId()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"monthlyUsd\": \"1\"}").with(as(as)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:forbidden"));
            mvc.perform(delete("/api/v1/teams/{t}/budget", team.getId()).with(as(as))).andExpect(status().isForbidden());
        }
        UserAccount outsider = data.user("budget-api-outsider");
        data.team("Budget API other", outsider);
        PortalUserPrincipal asOutsider = TestData.principal(outsider);
        mvc.perform(put("/api/v1/teams/{t}/budget", team.getId()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"monthlyUsd\": \"1\"}").with(as(asOutsider))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/teams/{t}/budget", team.getId()).with(as(asOutsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/teams/{t}/costs", team.getId()).with(as(asOutsider))).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("250"))));
        mvc.perform(put("/api/v1/teams/{t}/budget", team.getId()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"monthlyUsd\": \"1\"}").with(ApiAuth.anonymous())).andExpect(ApiAuth.unauthenticated());
        mvc.perform(get("/api/v1/teams/{t}/costs", team.getId()).with(ApiAuth.anonymous()))
                .andExpect(ApiAuth.unauthenticated());
        assertThat(jdbc.queryForObject("SELECT monthly_usd FROM team_budget WHERE team_id = ?", BigDecimal.class,
                team.getId())).as("unchanged by the refused requests").isEqualByComparingTo("250.50");

        mvc.perform(delete("/api/v1/teams/{t}/budget", team.getId()).with(as(owner))).andExpect(status().isNoContent());
        assertThat(json(get("/api/v1/teams/{t}/costs", team.getId()).with(as(owner))).path("budget").isNull()).isTrue();
        assertThat(budgetEvents()).containsExactly("cost.budget.set", "cost.budget.removed");
    }

    @Test
    void badAmountsAre422AndChangeNothingArchivedTeamsAre409() throws Exception {
        for (String body : List.of("{\"monthlyUsd\": \"lots\"}", "{\"monthlyUsd\": -5}", "{\"monthlyUsd\": \"0\"}",
                "{\"monthlyUsd\": \"25.555\"}", "{\"monthlyUsd\": 2000000}", "{\"monthlyUsd\": null}", "{}",
                "{\"monthlyUsd\": true}")) {
            mvc.perform(put("/api/v1/teams/{t}/budget", team.getId()).contentType(MediaType.APPLICATION_JSON)
                            .content(body).with(as(owner)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("monthlyUsd"))
                    .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM team_budget WHERE team_id = ?", Long.class, team.getId()))
                .isZero();
        assertThat(budgetEvents()).isEmpty();

        context.getBean(TeamService.class).archive(team.getId());
        mvc.perform(put("/api/v1/teams/{t}/budget", team.getId()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"monthlyUsd\": \"10\"}").with(as(owner)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:conflict"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("archived")));
        mvc.perform(get("/api/v1/teams/{t}/costs", team.getId()).with(as(owner))).andExpect(status().isOk());
    }

    private List<String> budgetEvents() {
        return jdbc.queryForList("SELECT action FROM audit_event WHERE team_id = ? AND action LIKE 'cost.budget.%'"
                + " ORDER BY id", String.class, team.getId());
    }

    private static JsonNode line(JsonNode environments, long environmentId) {
        for (JsonNode environment : environments) {
            if (environment.path("environmentId").asLong() == environmentId) {
                return environment;
            }
        }
        throw new AssertionError("environment " + environmentId + " missing from " + environments);
    }

    private static JsonNode component(JsonNode costs, String component) {
        for (JsonNode line : costs.path("byComponent")) {
            if (line.path("component").asString().equals(component)) {
                return line.path("monthlyUsd");
            }
        }
        throw new AssertionError("no component " + component);
    }

    private JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
