package com.mcpportal.portal.cost.pricing;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.mcpportal.portal.support.HtmlText.byId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cost.CostAwsFake;
import com.mcpportal.portal.cost.CostFixtures;
import com.mcpportal.portal.cost.CostIntegrationTest;
import com.mcpportal.portal.cost.CostTestConfiguration;
import com.mcpportal.portal.cost.FakePriceListApi;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The daily price refresh against a fake of the AWS Pricing API and EC2: what it reads lands in the price cache and
 * on the cost page, with its source and date; a failure keeps the previous prices and is audited and logged; simulated
 * accounts never call AWS. The only cost test class that creates AWS-mode accounts (the first test needs none).
 */
@CostIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class PriceRefreshIntegrationTests {

    @Autowired
    WireMockServer costAwsFake;

    @Autowired
    PriceRefresh refresh;

    @Autowired
    PriceStore store;

    @Autowired
    DatabasePriceCatalog priceCache;

    @Autowired
    Scheduler scheduler;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    private CostFixtures fixtures;
    private Team team;

    @BeforeEach
    void setUp() {
        fixtures = new CostFixtures(context);
        team = data.team("Prices", data.admin());
        forgetPrices();
    }

    @AfterEach
    void forgetPrices() {
        CostAwsFake.reset(costAwsFake);
        jdbc.update("DELETE FROM price");
        jdbc.update("DELETE FROM spot_price");
        priceCache.reload();
    }

    @Test
    @Order(1)
    void withOnlySimulatedAccountsNothingCallsAwsAndTheSnapshotStays() {
        fixtures.draft(team.getId(), "ap-south-1");

        PriceRefreshRun run = refresh.refresh("test");

        assertThat(run.outcome()).isEqualTo(PriceRefreshRun.Outcome.SKIPPED);
        assertThat(run.message()).contains("No AWS-mode cloud account").contains("bundled price snapshot of 2026-11-25");
        costAwsFake.verify(0, anyRequestedFor(anyUrl()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM price", Integer.class)).isZero();
        assertThat(latestAudit("cost.prices.")).containsEntry("action", "cost.prices.refreshed")
                .containsEntry("actor", "system");
    }

    @Test
    @Order(2)
    void theDailyJobReadsPricesWithTheAccountsCredentialsAndTheCostPageShowsThem() throws Exception {
        CloudAccount account = fixtures.awsAccount("us-east-1");
        Environment environment = fixtures.draft(team.getId(), "us-east-1", account.getId(), "t4g.nano", true);
        CostAwsFake.price(costAwsFake, "AmazonECS", "us-east-1", "USE1-Fargate-ARM-vCPU-Hours:perCPU", "0.0400000000");
        CostAwsFake.price(costAwsFake, "AmazonECS", "us-east-1", "USE1-Fargate-ARM-GB-Hours", "0.0040000000");
        CostAwsFake.instancePrice(costAwsFake, "us-east-1", "t4g.nano", "0.0050000000");
        CostAwsFake.spotPrices(costAwsFake, "t4g.nano", CostAwsFake.spotItem("t4g.nano", "us-east-1a", "0.001900")
                + CostAwsFake.spotItem("t4g.nano", "us-east-1b", "0.002100"));
        int runsBefore = runs();

        scheduler.triggerJob(PriceRefreshJobConfiguration.JOB);
        Map<String, Object> run = awaitRun(runsBefore);

        assertThat(run).containsEntry("trigger", "daily").containsEntry("outcome", "SUCCEEDED")
                .containsEntry("regions", "us-east-1").containsEntry("prices_stored", 3);
        assertThat(jdbc.queryForMap("SELECT usd_per_unit, source, as_of FROM price WHERE region = 'us-east-1'"
                + " AND component = 'FARGATE_ARM_VCPU_HOUR'")).containsEntry("usd_per_unit", new BigDecimal("0.04"))
                .containsEntry("source", "PRICING_API").containsEntry("as_of", java.sql.Date.valueOf("2027-03-14"));
        assertThat(jdbc.queryForObject("SELECT usd_per_hour FROM spot_price WHERE region = 'us-east-1'"
                + " AND instance_type = 't4g.nano'", BigDecimal.class)).isEqualByComparingTo("0.0021");
        costAwsFake.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(FakePriceListApi.TARGET))
                .withHeader("Authorization", containing("Credential=" + CostTestConfiguration.ACCESS_KEY + "/"))
                .withHeader("Authorization", containing("/us-east-1/pricing/aws4_request")));
        assertThat(latestAudit("cost.prices.")).containsEntry("action", "cost.prices.refreshed")
                .containsEntry("actor", "system").containsEntry("outcome", "SUCCESS");

        String html = mvc.perform(get("/teams/{t}/environments/{e}/costs", team.getId(), environment.getId())
                .with(user(TestData.principal(data.admin())))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        // 267.8445 h × (0.25 × $0.04 + 0.5 × $0.004) = $3.214134
        assertThat(byId(html, "estimate-table-FARGATE")).isEqualTo("$3.21");
        assertThat(byId(html, "estimate-table")).contains("vCPU-hours: 66.96 vCPU-hour × $0.04 (AWS Pricing API, 2027-03-14)")
                // Cloud Map instances are not in the Pricing API: the snapshot answers, and says so
                .contains("(bundled price snapshot, 2026-11-25)")
                .contains("t4g.nano hours (spot): 267.84 instance-hour × $0.0021 (EC2 spot price history)");
        assertThat(byId(html, "assumptions")).contains("from EC2 spot price history (t4g.nano in us-east-1");
        assertThat(byId(html, "price-source")).contains("AWS Pricing API (3 prices cached)");
    }

    @Test
    @Order(3)
    void aFailedRefreshKeepsThePreviousPricesAuditsAndLogsIt(CapturedOutput output) {
        fixtures.awsAccount("us-east-1");
        PriceKey fargate = PriceKey.of("us-east-1", PriceComponent.FARGATE_ARM_VCPU_HOUR);
        store.save(List.of(new Price(fargate, new BigDecimal("0.04"), PriceOrigin.PRICING_API,
                LocalDate.parse("2027-03-01"), true, "earlier refresh")), Instant.parse("2027-03-01T03:17:00Z"));
        priceCache.reload();
        CostAwsFake.denyPricing(costAwsFake);

        PriceRefreshRun run = refresh.refresh("test");

        assertThat(run.outcome()).isEqualTo(PriceRefreshRun.Outcome.FAILED);
        assertThat(run.message()).contains("us-east-1 kept its previous prices")
                .contains("AccessDeniedException: User is not authorized to perform: pricing:GetProducts");
        assertThat(priceCache.find(fargate)).get().extracting(Price::usdPerUnit, Price::asOf)
                .containsExactly(new BigDecimal("0.04"), LocalDate.parse("2027-03-01"));
        Map<String, Object> audit = latestAudit("cost.prices.");
        assertThat(audit).containsEntry("action", "cost.prices.refresh-failed").containsEntry("actor", "system")
                .containsEntry("outcome", "FAILURE");
        assertThat((String) audit.get("details")).contains("AccessDeniedException");
        assertThat(output.getAll()).contains("Price refresh FAILED").contains("us-east-1 kept its previous prices");
    }

    @Test
    @Order(4)
    void anAdminRefreshesNowFromThePortalCostsPage() throws Exception {
        int runsBefore = runs();

        mvc.perform(post("/admin/costs/prices/refresh").with(user(TestData.principal(data.admin()))).with(csrf()))
                .andExpect(redirectedUrl("/admin/costs"));
        Map<String, Object> run = awaitRun(runsBefore);

        assertThat(run).containsEntry("trigger", "admin admin");
        String html = mvc.perform(get("/admin/costs").with(user(TestData.principal(data.admin()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byId(html, "price-refreshes")).contains("admin admin").contains("us-east-1");
    }

    private int runs() {
        return jdbc.queryForObject("SELECT count(*) FROM price_refresh", Integer.class);
    }

    private Map<String, Object> awaitRun(int before) {
        await("the price refresh job to finish").atMost(Duration.ofSeconds(30)).until(() -> runs() > before);
        return jdbc.queryForMap("SELECT trigger, outcome, regions, prices_stored, message FROM price_refresh"
                + " ORDER BY id DESC LIMIT 1");
    }

    private Map<String, Object> latestAudit(String actionPrefix) {
        return jdbc.queryForMap("SELECT action, actor, outcome, details::text AS details FROM audit_event"
                + " WHERE action LIKE ? ORDER BY id DESC LIMIT 1", actionPrefix + "%");
    }
}
