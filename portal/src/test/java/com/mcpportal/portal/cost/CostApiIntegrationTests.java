package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mcpportal.portal.api.ApiAuth;
import com.mcpportal.portal.cost.pricing.DatabasePriceCatalog;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.mcpportal.portal.api.ApiAuth.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An environment's estimate and what-ifs through the REST API, with the cost page's figures: the seed's environment
 * in us-east-1 on bundled prices and the default Mon–Fri 08:00–20:00 UTC schedule, seen on Sunday 2027-03-14
 * 23:00 UTC (264 h in the next 30 days, $6.69 a month, $15.58 24/7; see EnvironmentCostPageIntegrationTests).
 */
@CostIntegrationTest
class CostApiIntegrationTests {

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
    DatabasePriceCatalog priceCache;

    private Team team;
    private PortalUserPrincipal owner;
    private Environment environment;

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM price");
        priceCache.reload();
        UserAccount account = data.user("cost-api-owner");
        owner = TestData.principal(account);
        team = data.team("Cost API", account);
        environment = new CostFixtures(context).draft(team.getId(), "us-east-1");
    }

    @Test
    void theEstimateHasEveryComponentWhoseRowsAddUpToTheTotalAndThe247AndNatGatewayFigures() throws Exception {
        UserAccount viewer = data.user("cost-api-viewer");
        data.addMember(team, viewer, TeamRole.VIEWER);

        JsonNode cost = json(get("/api/v1/teams/{t}/environments/{e}/cost", team.getId(), environment.getId())
                .with(as(TestData.principal(viewer))));

        assertThat(cost.path("currency").asString()).isEqualTo("USD");
        assertThat(cost.path("environmentId").asLong()).isEqualTo(environment.getId());
        assertThat(cost.path("priced").asBoolean()).isTrue();
        assertThat(cost.path("monthlyUsd").isString()).as("money is an exact decimal string").isTrue();
        JsonNode scheduled = cost.path("scheduled");
        assertThat(scheduled.path("rows")).extracting(row -> row.path("component").asString())
                .contains("FARGATE", "NAT_INSTANCE", "PUBLIC_IPV4", "NAT_ROOT_VOLUME", "LOG_INGESTION",
                        "ECR_STORAGE", "API_REQUESTS", "CLOUD_MAP");
        assertThat(sum(scheduled.path("rows"), "monthlyUsd")).as("the total is the sum of the rows")
                .isEqualByComparingTo(usd(scheduled.path("totalUsd")))
                .isEqualByComparingTo(usd(cost.path("monthlyUsd")));
        for (JsonNode row : scheduled.path("rows")) {
            assertThat(sum(row.path("lines"), "amountUsd")).as("%s is the sum of its lines", row.path("label"))
                    .isEqualByComparingTo(usd(row.path("monthlyUsd")));
            for (JsonNode line : row.path("lines")) {
                assertThat(usd(line.path("quantity")).multiply(usd(line.path("usdPerUnit"))))
                        .isEqualByComparingTo(usd(line.path("amountUsd")));
            }
        }
        // The cost page's figures: $2.64 of Fargate, $6.69 in all, $15.58 24/7.
        assertThat(cents(row(scheduled, "FARGATE").path("monthlyUsd"))).isEqualTo("2.64");
        assertThat(row(scheduled, "FARGATE").path("lines").get(0).path("priceSource").asString())
                .isEqualTo("bundled price snapshot, 2026-11-25");
        assertThat(cents(cost.path("monthlyUsd"))).isEqualTo("6.69");
        assertThat(cents(cost.path("alwaysOnUsd"))).isEqualTo("15.58");
        assertThat(sum(cost.path("alwaysOn").path("rows"), "monthlyUsd")).isEqualByComparingTo(usd(cost.path("alwaysOnUsd")));
        JsonNode nat = cost.path("natGateway");
        assertThat(cents(nat.path("natInstance").path("totalUsd"))).isEqualTo("3.10");
        assertThat(cents(nat.path("natGateway").path("totalUsd"))).isEqualTo("36.57");
        assertThat(usd(nat.path("natGateway").path("totalUsd")).subtract(usd(nat.path("natInstance").path("totalUsd"))))
                .isEqualByComparingTo(usd(nat.path("monthlySavingUsd")));

        JsonNode basis = cost.path("schedule");
        assertThat(basis.path("description").asString()).isEqualTo("Mon–Fri 08:00–20:00 (UTC)");
        assertThat(basis.path("source").asString()).isEqualTo("the environment's schedule");
        assertThat(basis.path("from").asString()).isEqualTo("2027-03-14T23:00:00Z");
        assertThat(usd(basis.path("hoursInNext30Days"))).isEqualByComparingTo("264");
        assertThat(usd(basis.path("monthlyHours"))).isEqualByComparingTo("267.8445");
        assertThat(scheduled.path("monthlyHoursOn").asString()).isEqualTo("267.8445");
        assertThat(cost.path("priceSources")).extracting(JsonNode::asString)
                .contains("bundled price snapshot, 2026-11-25");
        assertThat(cost.path("prices").path("snapshotDate").asString()).isEqualTo("2026-11-25");
        assertThat(cost.path("prices").path("storedPricingApiPrices").asInt()).isZero();
        assertThat(cost.path("assumptions")).extracting(JsonNode::asString)
                .anyMatch(text -> text.contains("Logs: 0.5 GB ingested a month, kept 7 days."));
    }

    @Test
    void aWhatIfComparesWithoutChangingAnythingAnd247CostsMore() throws Exception {
        String before = jdbc.queryForMap("SELECT * FROM environment WHERE id = ?", environment.getId()).toString();
        long eventsBefore = countEvents();

        JsonNode allDay = whatIf("{\"schedule\": \"ALWAYS_ON\"}");
        assertThat(usd(allDay.path("whatIf").path("monthlyUsd"))).as("24/7 costs more")
                .isGreaterThan(usd(allDay.path("current").path("monthlyUsd")))
                .isEqualByComparingTo(usd(allDay.path("current").path("alwaysOnUsd")));
        assertThat(cents(allDay.path("whatIf").path("monthlyUsd"))).isEqualTo("15.58");
        assertThat(usd(allDay.path("monthlyDifferenceUsd"))).isEqualByComparingTo(
                usd(allDay.path("whatIf").path("monthlyUsd")).subtract(usd(allDay.path("current").path("monthlyUsd"))));
        assertThat(allDay.path("whatIf").path("schedule").path("description").asString()).isEqualTo("24/7");
        assertThat(allDay.path("whatIf").path("schedule").path("source").asString()).isEqualTo("what-if");

        // Mondays only: 15, 22, 29 March, 5 and 12 April × 12 h.
        JsonNode mondays = whatIf("""
                {"schedule": "custom", "hours": [{"day": "MONDAY", "start": "08:00", "end": "20:00"}]}""");
        assertThat(usd(mondays.path("whatIf").path("schedule").path("hoursInNext30Days"))).isEqualByComparingTo("60");
        assertThat(usd(mondays.path("monthlyDifferenceUsd")).signum()).as("cheaper than weekdays").isNegative();

        JsonNode bigger = whatIf("{\"size\": {\"cpu\": 512, \"memoryMiB\": 1024}, \"architecture\": \"x86_64\","
                + " \"fargateSpot\": true, \"natSpot\": true}");
        assertThat(usd(row(bigger.path("whatIf").path("scheduled"), "FARGATE").path("monthlyUsd")))
                .isNotEqualByComparingTo(usd(row(bigger.path("current").path("scheduled"), "FARGATE").path("monthlyUsd")));
        assertThat(bigger.path("whatIf").path("assumptions")).extracting(JsonNode::asString)
                .anyMatch(text -> text.startsWith("Fargate Spot:"));

        // ECS runs ARM64 tasks on Fargate Spot (platform 1.4.0+): the cheapest Fargate there is, not a refusal.
        JsonNode armSpot = whatIf("{\"size\": {\"cpu\": 512, \"memoryMiB\": 1024}, \"architecture\": \"ARM64\","
                + " \"fargateSpot\": true, \"natSpot\": true}");
        assertThat(usd(row(armSpot.path("whatIf").path("scheduled"), "FARGATE").path("monthlyUsd")))
                .isLessThan(usd(row(bigger.path("whatIf").path("scheduled"), "FARGATE").path("monthlyUsd")));

        JsonNode unchanged = json(post("/api/v1/teams/{t}/environments/{e}/cost/what-if", team.getId(),
                environment.getId()).with(as(owner)));
        assertThat(usd(unchanged.path("monthlyDifferenceUsd"))).as("no body: the environment as it is").isZero();

        assertThat(jdbc.queryForMap("SELECT * FROM environment WHERE id = ?", environment.getId()).toString())
                .isEqualTo(before);
        assertThat(countEvents()).as("a what-if writes nothing").isEqualTo(eventsBefore);
    }

    @Test
    void whatIfInputsItCannotPriceAre422ProblemsNamingTheJsonField() throws Exception {
        invalidWhatIf("{\"size\": {\"cpu\": 300, \"memoryMiB\": 512}}", "size");
        invalidWhatIf("{\"size\": {\"cpu\": 256}}", "size");
        invalidWhatIf("{\"architecture\": \"sparc\"}", "architecture");
        invalidWhatIf("{\"natInstanceType\": \"m5.huge\"}", "natInstanceType");
        invalidWhatIf("{\"schedule\": \"SOMETIMES\"}", "schedule");
        invalidWhatIf("{\"schedule\": \"CUSTOM\", \"hours\": [{\"day\": \"FUNDAY\", \"start\": \"08:00\","
                + " \"end\": \"20:00\"}]}", "hours[0].day");
        invalidWhatIf("{\"schedule\": \"CUSTOM\", \"hours\": [{\"day\": \"MONDAY\", \"start\": \"08:00\","
                + " \"end\": \"20:00\"}, {\"day\": \"TUESDAY\", \"start\": \"8am\", \"end\": \"20:00\"}]}",
                "hours[1].start");
        invalidWhatIf("{\"schedule\": \"CUSTOM\", \"hours\": [{\"day\": \"MONDAY\", \"start\": \"08:00\"}]}",
                "hours[0].end");
        invalidWhatIf("{\"hours\": [{\"day\": \"MONDAY\", \"start\": \"08:00\", \"end\": \"20:00\"}]}", "hours");

        mvc.perform(post("/api/v1/teams/{t}/environments/{e}/cost/what-if", team.getId(), environment.getId())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"schedule\": ").with(as(owner)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void outsidersAndForeignOrUnknownEnvironmentsGet404AndAnonymousNothing() throws Exception {
        UserAccount outsider = data.user("cost-api-outsider");
        Team outsidersTeam = data.team("Cost API other", outsider);
        PortalUserPrincipal as = TestData.principal(outsider);

        for (String path : List.of("/api/v1/teams/%d/environments/%d/cost",
                "/api/v1/teams/%d/environments/%d/cost/what-if")) {
            MockHttpServletRequestBuilder theirs = request(path, team.getId(), environment.getId());
            notFound(theirs.with(as(as)));
            notFound(request(path, outsidersTeam.getId(), environment.getId()).with(as(as)));
            notFound(request(path, team.getId(), 999_999_999L).with(as(owner)));
            mvc.perform(request(path, team.getId(), environment.getId()).with(ApiAuth.anonymous()))
                    .andExpect(ApiAuth.unauthenticated());
        }
        notFound(get("/api/v1/teams/{t}/environments/{e}/cost", team.getId(), "abc").with(as(owner)));
    }

    private MockHttpServletRequestBuilder request(String path, long teamId, long environmentId) {
        String uri = path.formatted(teamId, environmentId);
        return uri.endsWith("what-if") ? post(uri).contentType(MediaType.APPLICATION_JSON).content("{}") : get(uri);
    }

    private void notFound(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:not-found"));
    }

    private JsonNode whatIf(String body) throws Exception {
        return json(post("/api/v1/teams/{t}/environments/{e}/cost/what-if", team.getId(), environment.getId())
                .contentType(MediaType.APPLICATION_JSON).content(body).with(as(owner)));
    }

    private ResultActions invalidWhatIf(String body, String field) throws Exception {
        return mvc.perform(post("/api/v1/teams/{t}/environments/{e}/cost/what-if", team.getId(), environment.getId())
                        .contentType(MediaType.APPLICATION_JSON).content(body).with(as(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    private JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private long countEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE team_id = ?", Long.class, team.getId());
    }

    private static JsonNode row(JsonNode estimate, String component) {
        for (JsonNode row : estimate.path("rows")) {
            if (row.path("component").asString().equals(component)) {
                return row;
            }
        }
        throw new AssertionError("no row " + component + " in " + estimate);
    }

    static BigDecimal usd(JsonNode value) {
        assertThat(value.isString()).as("%s is a decimal string", value).isTrue();
        return new BigDecimal(value.asString());
    }

    static String cents(JsonNode value) {
        return usd(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static BigDecimal sum(JsonNode items, String field) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode item : items) {
            total = total.add(usd(item.path(field)));
        }
        return total;
    }
}
