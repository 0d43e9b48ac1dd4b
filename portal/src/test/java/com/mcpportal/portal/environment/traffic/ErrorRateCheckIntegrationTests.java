package com.mcpportal.portal.environment.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.HourlyRequests;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * An environment's MCP error rate passes the threshold: it is flagged on its page and in the list, audited and
 * counted once, stays flagged without new audit events while the rate stays high, and is cleared once when it falls.
 */
@PortalIntegrationTest
class ErrorRateCheckIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    ErrorRateCheck check;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry registry;

    @Test
    void aCrossingIsFlaggedAuditedAndCountedOnceEachWay() throws Exception {
        UserAccount owner = data.user("errors-owner");
        Team team = data.team("Errors", owner);
        Environment environment = new Environments(context).ready(team.getId(), "errors");
        // Every check below falls in the same hour, so the judged window holds the same two hours.
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(60);

        check.record(environment, lastHours(now, 200, 4), now);
        assertThat(check.latest(environment.getId()).orElseThrow().flagged()).isFalse();
        check.record(environment, lastHours(now, 200, 30), now.plusSeconds(300));
        check.record(environment, lastHours(now, 200, 40), now.plusSeconds(600));

        ErrorRateStatus flagged = check.latest(environment.getId()).orElseThrow();
        assertThat(flagged.flagged()).isTrue();
        assertThat(flagged.flaggedSince()).isEqualTo(now.plusSeconds(300));
        assertThat(audit(environment)).containsExactly("environment.error-rate.flagged system FAILURE");
        assertThat(crossings(environment, "flagged")).isEqualTo(1);
        mvc.perform(get("/teams/" + team.getId() + "/environments/" + environment.getId())
                        .with(user(TestData.principal(owner))))
                .andExpect(content().string(containsString("High error rate:")))
                .andExpect(content().string(containsString("20% of 400 requests failed")));
        mvc.perform(get("/teams/" + team.getId() + "/environments").with(user(TestData.principal(owner))))
                .andExpect(content().string(containsString(">High error rate<")));

        check.record(environment, lastHours(now, 5, 5), now.plusSeconds(900));
        assertThat(check.latest(environment.getId()).orElseThrow().flagged()).as("too few requests to judge").isTrue();

        check.record(environment, lastHours(now, 200, 2), now.plusSeconds(1200));
        check.record(environment, lastHours(now, 200, 1), now.plusSeconds(1500));
        assertThat(check.latest(environment.getId()).orElseThrow().flagged()).isFalse();
        assertThat(audit(environment)).containsExactly("environment.error-rate.flagged system FAILURE",
                "environment.error-rate.cleared system SUCCESS");
        assertThat(crossings(environment, "flagged")).isEqualTo(1);
        assertThat(crossings(environment, "cleared")).isEqualTo(1);
        mvc.perform(get("/teams/" + team.getId() + "/environments").with(user(TestData.principal(owner))))
                .andExpect(content().string(not(containsString(">High error rate<"))));
    }

    @Test
    void aSimulatedEnvironmentsLastDayIsReadStoredAndDrawnOnItsPage() throws Exception {
        UserAccount owner = data.user("traffic-owner");
        Team team = data.team("Traffic", owner);
        Environment environment = new Environments(context).ready(team.getId(), "traffic");
        // As if its service had been running for two days already.
        jdbc.update("INSERT INTO simulated_service_scaling (environment_id, changed_at, running_count) VALUES (?, ?, 1)",
                environment.getCloudId(), Timestamp.from(Instant.now().minus(Duration.ofDays(2))));

        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        assertThat(check.checkAll()).isGreaterThanOrEqualTo(1);

        ErrorRateStatus status = check.latest(environment.getId()).orElseThrow();
        assertThat(status.hours()).hasSize(24);
        assertThat(status.hours().get(23).hour()).as("the current hour last (or the next, if one began meanwhile)")
                .isIn(hour, hour.plus(Duration.ofHours(1)));
        assertThat(status.totalRequests()).isPositive();
        String page = mvc.perform(get("/teams/" + team.getId() + "/environments/" + environment.getId())
                        .with(user(TestData.principal(owner))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Requests, last 24 hours", "id=\"traffic-simulated\"", "simulated",
                "<svg class=\"request-chart\"");
        assertThat(field(page, "traffic-requests")).isEqualTo(String.valueOf(status.totalRequests()));
        assertThat(field(page, "traffic-errors")).isEqualTo(String.valueOf(status.totalErrors()));
        assertThat(count(page, "<rect class=\"requests\"")).isEqualTo(24);
        assertThat(page).doesNotContain("style=");
    }

    @Test
    void aNewEnvironmentSaysItHasNoFiguresYet() throws Exception {
        UserAccount owner = data.user("fresh-owner");
        Team team = data.team("Fresh", owner);
        Environment environment = new Environments(context).ready(team.getId(), "fresh");

        mvc.perform(get("/teams/" + team.getId() + "/environments/" + environment.getId())
                        .with(user(TestData.principal(owner))))
                .andExpect(content().string(containsString("No figures yet")));
    }

    /** The last two hours (the judged window) with these figures each, and older hours without requests. */
    private static List<HourlyRequests> lastHours(Instant now, long requests, long errors) {
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        List<HourlyRequests> hours = new ArrayList<>();
        for (int back = 23; back >= 0; back--) {
            Instant hour = current.minus(Duration.ofHours(back));
            hours.add(back <= 1 ? new HourlyRequests(hour, requests, errors) : new HourlyRequests(hour, 0, 0));
        }
        return hours;
    }

    private List<String> audit(Environment environment) {
        return jdbc.queryForList("SELECT action || ' ' || actor || ' ' || outcome FROM audit_event WHERE target_id = ?"
                + " AND action LIKE 'environment.error-rate%' ORDER BY id", String.class,
                String.valueOf(environment.getId()));
    }

    private double crossings(Environment environment, String direction) {
        var counter = registry.find("portal.mcp.error_rate.crossings").tag("environment", environment.getCloudId())
                .tag("direction", direction).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String field(String page, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(page);
        assertThat(matcher.find()).as(id + " on the page").isTrue();
        return matcher.group(1).trim();
    }

    private static int count(String page, String text) {
        return page.split(Pattern.quote(text), -1).length - 1;
    }
}
