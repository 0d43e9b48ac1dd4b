package com.mcpportal.portal.cost;

import static com.mcpportal.portal.support.HtmlText.byId;
import static com.mcpportal.portal.support.HtmlText.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mcpportal.portal.cost.pricing.DatabasePriceCatalog;
import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.HtmlText;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An environment's cost page with exact figures: the seed's environment (0.25 vCPU / 0.5 GB ARM, t4g.nano with an
 * 8 GB root, us-east-1, bundled prices) on the default Mon–Fri 08:00–20:00 UTC schedule, seen on Sunday
 * 2027-03-14 23:00 UTC: 22 weekdays × 12 h = 264 h in the next 30 days, × 30.436875 / 30 = 267.8445 h a month.
 * (The "≈ $2.58" is the long-run 260.9 h month; this window holds one weekday more than average.)
 */
@CostIntegrationTest
class EnvironmentCostPageIntegrationTests {

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

    private CostFixtures fixtures;
    private Team team;
    private PortalUserPrincipal owner;

    @BeforeEach
    void setUp() {
        fixtures = new CostFixtures(context);
        jdbc.update("DELETE FROM price");
        priceCache.reload();
        UserAccount account = data.user("cost-owner");
        owner = TestData.principal(account);
        team = data.team("Cost page", account);
    }

    private String page(Environment environment, Map<String, String> whatIf) throws Exception {
        MockHttpServletRequestBuilder request = get("/teams/{t}/environments/{e}/costs", team.getId(),
                environment.getId()).with(user(owner));
        whatIf.forEach(request::param);
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void seedEnvironmentOnWeekdaysShowsEveryComponentThe247FigureAndTheNatGatewayItBeats() throws Exception {
        Environment environment = fixtures.draft(team.getId(), "us-east-1");

        String html = page(environment, Map.of());

        assertThat(byId(html, "hours-next-30-days")).isEqualTo("264.0");
        assertThat(byId(html, "monthly-hours")).isEqualTo("267.8");
        assertThat(byId(html, "schedule-description")).isEqualTo("Mon–Fri 08:00–20:00 (UTC)");
        // 267.8445 h × (0.25 × $0.03238 + 0.5 × $0.00356) = $2.6449644375
        assertThat(byId(html, "estimate-table-FARGATE")).isEqualTo("$2.64");
        assertThat(byId(html, "estimate-table")).contains(
                "vCPU-hours: 66.96 vCPU-hour × $0.03238 (bundled price snapshot, 2026-11-25)");
        // t4g.nano 267.8445 h × $0.0042; its auto-assigned address only while on, × $0.005; 8 GB gp3 × $0.08
        assertThat(byId(html, "estimate-table-NAT_INSTANCE")).isEqualTo("$1.12");
        assertThat(byId(html, "estimate-table-PUBLIC_IPV4")).isEqualTo("$1.34");
        assertThat(byId(html, "estimate-table-NAT_ROOT_VOLUME")).isEqualTo("$0.64");
        assertThat(byId(html, "estimate-table-LOG_INGESTION")).isEqualTo("$0.25");
        assertThat(byId(html, "estimate-table-ECR_STORAGE")).isEqualTo("$0.05");
        assertThat(byId(html, "estimate-table-API_REQUESTS")).isEqualTo("$0.10");
        // hosted zone $0.50 + 267.8445 / 730.485 of a registered instance at $0.10
        assertThat(byId(html, "estimate-table-CLOUD_MAP")).isEqualTo("$0.54");
        assertThat(byId(html, "estimate-table-FARGATE-always-on")).isEqualTo("$7.21");
        assertThat(byId(html, "estimate-total")).isEqualTo("$6.69");
        assertThat(byId(html, "estimate-table-total")).isEqualTo("$6.69");
        assertThat(byId(html, "always-on-total")).isEqualTo("$15.58");
        // NAT gateway all month: 730.485 h × $0.045 + 1 GB × $0.045 + its Elastic IP 730.485 h × $0.005 = $36.57,
        // against the instance's $1.12 + $1.34 + $0.64 = $3.10
        assertThat(byId(html, "nat-instance-total")).isEqualTo("$3.10");
        assertThat(byId(html, "nat-gateway-total")).isEqualTo("$36.57");
        assertThat(byId(html, "nat-saving")).isEqualTo("$33.47");
        assertThat(byId(html, "assumptions")).contains("730.485 hours")
                .contains("Logs: 0.5 GB ingested a month, kept 7 days.")
                .contains("Images: 0.5 GB stored in ECR")
                .contains("assumes 50% off on-demand for the NAT instance")
                .contains("Prices used: bundled price snapshot, 2026-11-25");
        assertThat(byId(html, "price-source")).contains("the bundled price snapshot of 2026-11-25");
    }

    @Test
    void theEnvironmentListShowsTheSameFigureAsTheCostPage() throws Exception {
        Environment environment = fixtures.draft(team.getId(), "us-east-1");

        String list = mvc.perform(get("/teams/{t}/environments", team.getId()).with(user(owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(text(list)).contains(environment.getName()).contains("$6.69");
        assertThat(list).contains("title=\"Mon–Fri 08:00–20:00 (UTC), bundled price snapshot, 2026-11-25\"");
    }

    @Test
    void aScheduleFromTheScheduleFeatureCountsItsRealHoursAcrossTheSpringForward() throws Exception {
        Environment environment = fixtures.draft(team.getId(), "us-east-1");
        // Nights 20:00–08:00 in Berlin; the 30 days from Monday 2027-03-15 00:00 CET include 2027-03-28, when
        // 02:00 becomes 03:00: 8 h + 29 × 12 h − 1 h + 5 h = 360 h of real time.
        schedules.set(environment.getId(), Schedule.weekly(ZoneId.of("Europe/Berlin"), Arrays.stream(DayOfWeek.values())
                .map(day -> ScheduleWindow.of(day, "20:00", "08:00")).toList()));

        String html = page(environment, Map.of());

        assertThat(byId(html, "hours-next-30-days")).isEqualTo("360.0");
        // 360 × 30.436875 / 30 = 365.2425 h: Fargate $3.6067696875, the whole environment $8.56
        assertThat(byId(html, "monthly-hours")).isEqualTo("365.2");
        assertThat(byId(html, "estimate-table-FARGATE")).isEqualTo("$3.61");
        assertThat(byId(html, "estimate-total")).isEqualTo("$8.56");
        assertThat(byId(html, "schedule-description")).isEqualTo("every day 20:00–08:00 (Europe/Berlin)");
    }

    @Test
    void cpuAutoscalingCountsTheFewestTasksAndSaysWhatTheMostWouldCost() throws Exception {
        Environment environment = fixtures.draft(team.getId(), "us-east-1");
        context.getBean(EnvironmentService.class).setAutoscaling(team.getId(), environment.getId(),
                new TaskRange(2, 4, 60));

        String html = page(environment, Map.of());

        // two tasks: 2 × $2.6449644375 = $5.289928875 for Fargate, the rest as for one task ($6.69 − $2.64 …)
        assertThat(byId(html, "estimate-table-FARGATE")).isEqualTo("$5.29");
        assertThat(byId(html, "estimate-total")).isEqualTo("$9.33");
        // four tasks all the hours on: $10.57985775 for Fargate, $14.62 in all
        assertThat(byId(html, "assumptions")).contains("CPU autoscaling: 2–4 tasks while on; Fargate is counted for"
                + " the fewest (2). With the most (4) all the hours on, the month would be $14.62.");
    }

    @Test
    void whatIfPricesABiggerTaskRunAllTheTimeWithoutChangingTheEnvironment() throws Exception {
        Environment environment = fixtures.draft(team.getId(), "us-east-1");
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM environment WHERE id = ?", environment.getId());

        String html = page(environment, Map.of("submitted", "true", "size", "1024/2048", "architecture", "ARM64",
                "natInstanceType", "t4g.nano", "schedule", "ALWAYS_ON"));

        // 730.485 h × (1 × $0.03238 + 2 × $0.00356) = $28.8541575 for Fargate; $37.22 in all
        assertThat(byId(html, "what-if-total")).isEqualTo("$37.22");
        assertThat(byId(html, "what-if-difference")).isEqualTo("$30.53 more");
        assertThat(byId(html, "estimate-total")).as("the current figure stays beside it").isEqualTo("$6.69");
        assertThat(byId(html, "what-if-result")).contains("Nothing was changed")
                .contains("change the environment's settings");
        assertThat(html).contains("/teams/" + team.getId() + "/environments/" + environment.getId() + "/edit");
        assertThat(jdbc.queryForList("SELECT * FROM environment WHERE id = ?", environment.getId())).isEqualTo(before);
    }

    @Test
    void whatIfWithCustomHoursPerDay() throws Exception {
        Environment environment = fixtures.draft(team.getId(), "us-east-1");
        Map<String, String> form = new java.util.HashMap<>(Map.of("submitted", "true", "size", "256/512",
                "architecture", "ARM64", "natInstanceType", "t4g.nano", "schedule", "CUSTOM"));
        for (int day = 0; day < 5; day++) {
            form.put("start[" + day + "]", "09:00");
            form.put("end[" + day + "]", "17:00");
        }

        String html = page(environment, form);

        // 22 weekdays × 8 h = 176 h, 178.563 h a month
        assertThat(byId(html, "what-if-result")).contains("Mon–Fri 09:00–17:00 (UTC)").contains("178.6 h a month");
        assertThat(byId(html, "what-if-total")).isEqualTo("$4.97");
        assertThat(byId(html, "what-if-difference")).isEqualTo("$1.72 less");
    }

    @Test
    void whatIfArmOnFargateSpotIsPricedAtTheArmRateLessTheSpotDiscount() throws Exception {
        Environment environment = fixtures.draft(team.getId(), "us-east-1");
        Map<String, String> form = new java.util.HashMap<>(Map.of("submitted", "true", "size", "256/512",
                "architecture", "ARM64", "fargateSpot", "true", "natInstanceType", "t4g.nano", "schedule", "CUSTOM"));
        for (int day = 0; day < 5; day++) {
            form.put("start[" + day + "]", "09:00");
            form.put("end[" + day + "]", "17:00");
        }

        String html = page(environment, form);

        // 178.563 h × (0.25 × $0.03238 + 0.5 × $0.00356) on ARM = $1.7633, at 60% off: $0.7053 (x86 Spot: $0.88)
        assertThat(byId(html, "what-if-table")).contains("Fargate Spot vCPU-hours").contains("Fargate Spot GB-hours");
        assertThat(byId(html, "what-if-table-FARGATE")).isEqualTo("$0.71");
    }

    @Test
    void impossibleWhatIfsAreExplainedBesideTheirFieldsAndPriceNothing() throws Exception {
        Environment environment = fixtures.draft(team.getId(), "us-east-1");

        String html = page(environment, Map.of("submitted", "true", "size", "256/4096", "architecture", "ARM64",
                "natInstanceType", "m5.24xlarge", "schedule", "CUSTOM", "start[0]", "09:00"));

        assertThat(text(html)).contains("Memory 4096 MiB does not fit 0.25 vCPU")
                .contains("Choose one of [t4g.nano")
                .contains("Give both times, or neither for a day off.");
        assertThat(byId(html, "what-if-errors")).startsWith("Nothing to estimate until these are fixed:")
                .contains("Choose one of [t4g.nano");
        assertThat(HtmlText.hasId(html, "what-if-total")).isFalse();

        String madeUp = page(environment, Map.of("submitted", "true", "size", "256/512", "architecture", "ARM64",
                "natInstanceType", "t4g.nano", "schedule", "CURRENT", "natSpot", "perhaps"));
        assertThat(byId(madeUp, "what-if-errors")).contains("'perhaps' is not a choice the form offers.");
    }

    @Test
    void aRegionOrTypeWithoutPricesSaysWhichPriceIsMissing() throws Exception {
        Environment environment = fixtures.draft(team.getId(), "ap-south-1", fixtures.environments()
                .simulatedAccountId(), "t3.nano", false);

        String html = page(environment, Map.of());

        assertThat(byId(html, "estimate-problem")).contains("No price for EC2 instance t3.nano in ap-south-1");
        assertThat(HtmlText.hasId(html, "estimate-total")).isFalse();
    }

    @Test
    void anotherTeamsEnvironmentIsNotFoundThroughThisTeam() throws Exception {
        Team other = data.team("Other cost team", data.admin());
        Environment foreign = fixtures.draft(other.getId(), "us-east-1");

        mvc.perform(get("/teams/{t}/environments/{e}/costs", team.getId(), foreign.getId()).with(user(owner)))
                .andExpect(status().isNotFound());
    }
}
