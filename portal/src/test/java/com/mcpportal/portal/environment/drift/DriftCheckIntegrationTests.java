package com.mcpportal.portal.environment.drift;

import java.util.List;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** Someone stops the NAT instance by hand: the drift check notices, the page warns, a start puts it right. */
@PortalIntegrationTest
class DriftCheckIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    DriftCheck driftCheck;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aNatInstanceStoppedByHandIsReportedUntilTheEnvironmentIsStartedAgain() throws Exception {
        Environments environments = new Environments(context);
        UserAccount owner = data.user("drift-owner");
        Team team = data.team("Drift", owner);
        Environment environment = environments.ready(team.getId(), "drift");
        assertThat(driftCheck.check(environment.getId()).orElseThrow().drifted()).isFalse();

        jdbc.update("UPDATE simulated_resource SET state = 'STOPPED' WHERE environment_id = ? AND component = ?",
                environment.getCloudId(), "nat-instance");
        assertThat(driftCheck.checkAll()).isGreaterThanOrEqualTo(1);

        DriftFinding finding = driftCheck.latest(environment.getId()).orElseThrow();
        assertThat(finding.drifted()).isTrue();
        assertThat(finding.message()).isEqualTo("the NAT instance is stopped but should be running");
        assertThat(finding.expected()).isEqualTo("NAT running, service 1 task");
        assertThat(finding.actual()).isEqualTo("NAT stopped, service 1 of 1 tasks");
        mvc.perform(get("/teams/" + team.getId() + "/environments/" + environment.getId())
                        .with(user(TestData.principal(owner))))
                .andExpect(content().string(containsString("the NAT instance is stopped but should be running")));
        mvc.perform(get("/teams/" + team.getId() + "/environments").with(user(TestData.principal(owner))))
                .andExpect(content().string(containsString(">Drift<")));

        Environments.enqueued(environments.operations().requestStart(environment.getId(), Actor.user("admin")));
        environments.awaitState(environment.getId(), EnvironmentState.READY);
        assertThat(driftCheck.check(environment.getId()).orElseThrow().drifted()).isFalse();

        assertThat(jdbc.queryForList("SELECT action || ' ' || actor FROM audit_event WHERE target_id = ?"
                + " AND action LIKE 'environment.drift%' ORDER BY id", String.class,
                String.valueOf(environment.getId())))
                .isEqualTo(List.of("environment.drift.detected system", "environment.drift.resolved system"));
    }
}
