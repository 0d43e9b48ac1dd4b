package com.mcpportal.portal.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.mcpportal.portal.api.ApiAuth.anonymous;
import static com.mcpportal.portal.api.ApiAuth.as;
import static com.mcpportal.portal.api.ApiAuth.unauthenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Schedules through the REST API: read, replace, override, the team default, roles, isolation and refusals. The
 * portal's clock stands at {@link #NOW}, so what a schedule wants is known in advance: no test depends on the day or
 * the hour it runs (one used to fail on Thursdays).
 */
@PortalIntegrationTest
@Import(ScheduleApiIntegrationTests.FixedClock.class)
class ScheduleApiIntegrationTests {

    /** Wednesday 2030-01-16 10:00 UTC: inside the default Mon–Fri 08:00–20:00 window; Wednesday 19:00 in Tokyo. */
    static final Instant NOW = Instant.parse("2030-01-16T10:00:00Z");

    private static final String SATURDAYS_IN_TOKYO = """
            {"zone": "Asia/Tokyo", "windows": [{"day": "SATURDAY", "start": "09:00", "end": "17:00"}],
             "exceptions": [{"first": "2031-01-01", "state": "OFF"}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TeamService teams;

    Team team;
    Environment environment;
    PortalUserPrincipal owner;
    PortalUserPrincipal operator;
    PortalUserPrincipal viewer;
    String url;

    @BeforeEach
    void setUp() {
        UserAccount ownerAccount = data.user("sched-api-owner");
        team = data.team("Schedule API", ownerAccount);
        UserAccount operatorAccount = data.user("sched-api-operator");
        UserAccount viewerAccount = data.user("sched-api-viewer");
        data.addMember(team, operatorAccount, TeamRole.OPERATOR);
        data.addMember(team, viewerAccount, TeamRole.VIEWER);
        owner = TestData.principal(ownerAccount);
        operator = TestData.principal(operatorAccount);
        viewer = TestData.principal(viewerAccount);
        environment = new Environments(context).draft(team.getId(), "sched-api-env");
        url = "/api/v1/teams/" + team.getId() + "/environments/" + environment.getId() + "/schedule";
    }

    @Test
    void aViewerReadsTheScheduleWithTheDesiredStateAndTheComingChanges() throws Exception {
        mvc.perform(get(url).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.environmentId").value(environment.getId()))
                .andExpect(jsonPath("$.source").value("OWN"))
                .andExpect(jsonPath("$.zone").value("UTC"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.windows.length()").value(5))
                .andExpect(jsonPath("$.windows[0].day").value("MONDAY"))
                .andExpect(jsonPath("$.windows[0].start").value("08:00"))
                .andExpect(jsonPath("$.windows[0].end").value("20:00"))
                .andExpect(jsonPath("$.override").value(nullValue()))
                .andExpect(jsonPath("$.desired.state").value("ON"))
                .andExpect(jsonPath("$.transitions.length()").value(5))
                .andExpect(jsonPath("$.transitions[0].offset").value("Z"));
    }

    @Test
    void anOperatorReplacesTheScheduleAndTheNextTransitionsFollowIt() throws Exception {
        String before = mvc.perform(get(url).with(as(operator))).andReturn().getResponse().getContentAsString();

        String saved = mvc.perform(json(put(url), SATURDAYS_IN_TOKYO).with(as(operator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.zone").value("Asia/Tokyo"))
                .andExpect(jsonPath("$.windows.length()").value(1))
                .andExpect(jsonPath("$.exceptions[0].first").value("2031-01-01"))
                .andExpect(jsonPath("$.exceptions[0].last").value("2031-01-01"))
                .andExpect(jsonPath("$.exceptions[0].state").value("OFF"))
                .andExpect(jsonPath("$.updatedBy").value(operator.getUsername()))
                .andReturn().getResponse().getContentAsString();

        List<String> locals = JsonPath.read(saved, "$.transitions[*].local");
        List<String> states = JsonPath.read(saved, "$.transitions[*].state");
        List<String> offsets = JsonPath.read(saved, "$.transitions[*].offset");
        assertThat(locals).hasSize(5).isNotEqualTo(JsonPath.read(before, "$.transitions[*].local"));
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        for (int i = 0; i < locals.size(); i++) {
            LocalDateTime local = LocalDateTime.parse(locals.get(i));
            assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(local.toLocalTime().toString()).isEqualTo(states.get(i).equals("ON") ? "09:00" : "17:00");
            assertThat(offsets.get(i)).isEqualTo("+09:00");
        }
        List<String> instants = JsonPath.read(saved, "$.transitions[*].at");
        assertThat(Instant.parse(instants.get(0))).isEqualTo(
                LocalDateTime.parse(locals.get(0)).atZone(tokyo).toInstant())
                .isEqualTo(Instant.parse("2030-01-19T00:00:00Z")); // Saturday 09:00 in Tokyo
        assertThat(JsonPath.<String>read(saved, "$.desired.state")).isEqualTo("OFF");

        mvc.perform(get(url).with(as(viewer)))
                .andExpect(jsonPath("$.zone").value("Asia/Tokyo"))
                .andExpect(jsonPath("$.transitions[0].at").value(instants.get(0)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'schedule.updated'"
                + " AND target_id = ? AND actor = ?", Long.class, Long.toString(environment.getId()),
                operator.getUsername())).isEqualTo(1);
    }

    @Test
    void whatAGetAnswersCanBeEditedAndPutBack() throws Exception {
        mvc.perform(json(put(url + "/override"), "{\"state\": \"OFF\", \"until\": \"2040-01-01T00:00\"}")
                .with(as(operator))).andExpect(status().isOk());
        String read = mvc.perform(get(url).with(as(operator))).andReturn().getResponse().getContentAsString();

        String edited = read.replace("\"zone\":\"UTC\"", "\"zone\":\"America/New_York\"");
        assertThat(edited).isNotEqualTo(read);
        mvc.perform(json(put(url), edited).with(as(operator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.zone").value("America/New_York"))
                .andExpect(jsonPath("$.windows.length()").value(5))
                .andExpect(jsonPath("$.override.state").value("OFF"))
                .andExpect(jsonPath("$.transitions[0].offset").value(org.hamcrest.Matchers.oneOf("-05:00",
                        "-04:00")));
    }

    @Test
    void aScheduleThatCannotBeReadIsRefusedWithEveryFieldAndNothingChanges() throws Exception {
        String before = stored();
        mvc.perform(json(put(url), """
                        {"zone": "Mars/Olympus", "whenDisabled": "SOMETIMES",
                         "windows": [{"day": "MONDAY", "start": "25:00", "end": "20:00"}, {}],
                         "exceptions": [{"first": "2031-13-01", "state": "OFF"}]}""").with(as(operator)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:invalid-input"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("zone", "whenDisabled", "windows[0].start",
                        "windows[1]", "exceptions[0].first")))
                .andExpect(jsonPath("$.errors[?(@.field == 'zone')].message").value(hasItems(
                        containsString("Mars/Olympus"))));
        mvc.perform(json(put(url), "{\"zone\": \"UTC\"}").with(as(operator)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("windows"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void overlappingWindowsAreRefusedByTheValidatorWithTheirIndex() throws Exception {
        String before = stored();
        mvc.perform(json(put(url), """
                        {"zone": "Europe/Berlin", "windows": [{"day": "MONDAY", "start": "08:00", "end": "12:00"},
                                                              {"day": "monday", "start": "11:00", "end": "14:00"}]}""")
                        .with(as(operator)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("windows[1]")));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anOverrideKeepsTheEnvironmentOnUntilItEndsAndCanBeCleared() throws Exception {
        mvc.perform(json(put(url), SATURDAYS_IN_TOKYO).with(as(operator))).andExpect(status().isOk());
        LocalDateTime until = LocalDateTime.parse("2030-01-18T12:00"); // Friday in Tokyo, before Saturday's window

        String overridden = mvc.perform(json(put(url + "/override"),
                        "{\"state\": \"ON\", \"until\": \"" + until + "\"}").with(as(operator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.override.state").value("ON"))
                .andExpect(jsonPath("$.override.untilLocal").value(until.toString()))
                .andExpect(jsonPath("$.override.until").value(until.atZone(ZoneId.of("Asia/Tokyo")).toInstant()
                        .toString()))
                .andExpect(jsonPath("$.desired.state").value("ON"))
                .andExpect(jsonPath("$.desired.reason").value(containsString("manual override")))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(overridden, "$.transitions[0].at"))
                .isEqualTo(until.atZone(ZoneId.of("Asia/Tokyo")).toInstant().toString());

        // A PUT of the plan keeps the override: it is changed only through /override.
        mvc.perform(json(put(url), SATURDAYS_IN_TOKYO).with(as(operator)))
                .andExpect(jsonPath("$.override.state").value("ON"));

        mvc.perform(delete(url + "/override").with(as(operator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.override").value(nullValue()))
                .andExpect(jsonPath("$.desired.state").value("OFF"));
    }

    @Test
    void anOverrideMayEndAtAnInstantWithAnOffset() throws Exception {
        Instant until = NOW.plus(3, ChronoUnit.HOURS);
        mvc.perform(json(put(url + "/override"), "{\"state\": \"off\", \"until\": \"" + until + "\"}")
                        .with(as(operator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.override.state").value("OFF"))
                .andExpect(jsonPath("$.override.until").value(until.toString()))
                .andExpect(jsonPath("$.desired.state").value("OFF"));
    }

    @Test
    void anOverrideInThePastOrWithoutAStateIsRefusedBesideItsField() throws Exception {
        String before = stored();
        mvc.perform(json(put(url + "/override"), "{\"state\": \"ON\", \"until\": \"2020-01-01T10:00\"}")
                        .with(as(operator)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("until"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("future")));
        mvc.perform(json(put(url + "/override"), "{\"until\": \"next tuesday\"}").with(as(operator)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("state", "until")));
        mvc.perform(put(url + "/override").with(as(operator)))
                .andExpect(status().isUnprocessableContent());
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theTeamDefaultIsWhatNewEnvironmentsCopy() throws Exception {
        String teamUrl = "/api/v1/teams/" + team.getId() + "/schedule";
        mvc.perform(get(teamUrl).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("PORTAL_DEFAULT"))
                .andExpect(jsonPath("$.windows.length()").value(5));

        mvc.perform(json(put(teamUrl), SATURDAYS_IN_TOKYO).with(as(operator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("TEAM_DEFAULT"))
                .andExpect(jsonPath("$.zone").value("Asia/Tokyo"))
                .andExpect(jsonPath("$.updatedBy").value(operator.getUsername()));

        Environment created = new Environments(context).draft(team.getId(), "sched-api-copy");
        mvc.perform(get("/api/v1/teams/" + team.getId() + "/environments/" + created.getId() + "/schedule")
                        .with(as(viewer)))
                .andExpect(jsonPath("$.zone").value("Asia/Tokyo"))
                .andExpect(jsonPath("$.windows[0].day").value("SATURDAY"));
        mvc.perform(get(url).with(as(viewer))).andExpect(jsonPath("$.zone").value("UTC"));

        mvc.perform(json(put(teamUrl), "{\"zone\": \"Nowhere\", \"windows\": []}").with(as(operator)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("zone"));
    }

    @Test
    void anOperatorKeepsTheHoursInAwsAndTheScheduleSaysHowTheMirrorStands() throws Exception {
        mvc.perform(get(url).with(as(viewer)))
                .andExpect(jsonPath("$.mirror.keepInCloud").value(false))
                .andExpect(jsonPath("$.mirror.state").value(nullValue()));

        mvc.perform(json(put(url + "/mirror"), "{\"keepInCloud\": true}").with(as(operator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mirror.keepInCloud").value(true))
                .andExpect(jsonPath("$.mirror.state").value("PENDING"))
                .andExpect(jsonPath("$.windows.length()").value(5));
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE action = 'schedule.mirror.updated'"
                + " AND target_id = ?", String.class, String.valueOf(environment.getId())))
                .containsExactly(operator.getUsername());

        mvc.perform(json(put(url + "/mirror"), "{}").with(as(operator)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("keepInCloud"));
        mvc.perform(json(put(url + "/mirror"), "{\"keepInCloud\": false}").with(as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(get(url).with(as(viewer))).andExpect(jsonPath("$.mirror.keepInCloud").value(true));
    }

    @Test
    void anOperatorSetsCpuAutoscalingWhileOnAndTakesItAwayAgain() throws Exception {
        mvc.perform(get(url).with(as(viewer))).andExpect(jsonPath("$.autoscaling").value(nullValue()));

        mvc.perform(json(put(url + "/autoscaling"), "{\"minTasks\": 2, \"maxTasks\": 5, \"cpuTargetPercent\": 65}")
                        .with(as(operator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.autoscaling.minTasks").value(2))
                .andExpect(jsonPath("$.autoscaling.maxTasks").value(5))
                .andExpect(jsonPath("$.autoscaling.cpuTargetPercent").value(65));
        mvc.perform(json(put(url + "/autoscaling"), "{\"minTasks\": 3, \"maxTasks\": 2, \"cpuTargetPercent\": 65}")
                        .with(as(operator)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("maxTasks"));
        mvc.perform(json(put(url + "/autoscaling"), "{\"minTasks\": 1, \"maxTasks\": 2, \"cpuTargetPercent\": 95}")
                        .with(as(operator)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("cpuTargetPercent"));
        mvc.perform(delete(url + "/autoscaling").with(as(viewer))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(as(viewer))).andExpect(jsonPath("$.autoscaling.maxTasks").value(5));

        mvc.perform(delete(url + "/autoscaling").with(as(operator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.autoscaling").value(nullValue()));
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE target_id = ? AND action ="
                + " 'environment.autoscaling.updated'", String.class, String.valueOf(environment.getId()))).hasSize(2);
    }

    @Test
    void newEnvironmentsOfATeamThatKeepsHoursInAwsKeepThemTooAndOldOnesKeepTheirOwnSetting() throws Exception {
        String teamUrl = "/api/v1/teams/" + team.getId() + "/schedule";
        mvc.perform(get(teamUrl).with(as(viewer))).andExpect(jsonPath("$.keepInCloud").value(false));

        mvc.perform(json(put(teamUrl + "/mirror"), "{\"keepInCloud\": true}").with(as(operator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keepInCloud").value(true));
        mvc.perform(get(teamUrl).with(as(viewer))).andExpect(jsonPath("$.keepInCloud").value(true));

        Environment created = new Environments(context).draft(team.getId(), "sched-api-kept");
        mvc.perform(get("/api/v1/teams/" + team.getId() + "/environments/" + created.getId() + "/schedule")
                        .with(as(viewer)))
                .andExpect(jsonPath("$.mirror.keepInCloud").value(true))
                .andExpect(jsonPath("$.mirror.state").value("PENDING"));
        mvc.perform(get(url).with(as(viewer))).andExpect(jsonPath("$.mirror.keepInCloud").value(false));
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE team_id = ? AND action LIKE"
                + " 'schedule.%mirror%' ORDER BY id", String.class, team.getId()))
                .containsExactly("schedule.team-default.mirror.updated", "schedule.mirror.updated");

        mvc.perform(json(put(teamUrl + "/mirror"), "{\"keepInCloud\": false}").with(as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(json(put(teamUrl + "/mirror"), "{\"keepInCloud\": \"maybe\"}").with(as(operator)))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void viewersReadButOnlyOperatorsChange() throws Exception {
        String before = stored();
        String teamUrl = "/api/v1/teams/" + team.getId() + "/schedule";
        for (MockHttpServletRequestBuilder change : List.of(json(put(url), SATURDAYS_IN_TOKYO),
                json(put(url + "/override"), "{\"state\": \"ON\", \"until\": \"2040-01-01T00:00\"}"),
                delete(url + "/override"), json(put(teamUrl), SATURDAYS_IN_TOKYO))) {
            mvc.perform(change.with(as(viewer)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:forbidden"))
                    .andExpect(jsonPath("$.detail").value(containsString("Operator")));
        }
        mvc.perform(json(put(url), SATURDAYS_IN_TOKYO).with(as(owner))).andExpect(status().isOk());
        assertThat(stored()).isNotEqualTo(before);
    }

    @Test
    void withoutAuthenticationNothingIsReadOrChanged() throws Exception {
        String before = stored();
        mvc.perform(get(url).with(anonymous())).andExpect(unauthenticated());
        mvc.perform(json(put(url), SATURDAYS_IN_TOKYO).with(anonymous())).andExpect(unauthenticated());
        mvc.perform(delete(url + "/override").with(anonymous())).andExpect(unauthenticated());
        mvc.perform(get("/api/v1/teams/" + team.getId() + "/schedule").with(anonymous()))
                .andExpect(unauthenticated());
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anotherTeamsEnvironmentAndUnknownIdsAreNotFound() throws Exception {
        UserAccount strangerAccount = data.user("sched-api-stranger");
        Team strangers = data.team("Schedule API strangers", strangerAccount);
        PortalUserPrincipal stranger = TestData.principal(strangerAccount);
        String before = stored();
        String foreign = "/api/v1/teams/" + strangers.getId() + "/environments/" + environment.getId() + "/schedule";

        List<ResultActions> answers = List.of(
                mvc.perform(get(url).with(as(stranger))),
                mvc.perform(json(put(url), SATURDAYS_IN_TOKYO).with(as(stranger))),
                mvc.perform(get(foreign).with(as(stranger))),
                mvc.perform(json(put(foreign), SATURDAYS_IN_TOKYO).with(as(stranger))),
                mvc.perform(json(put(foreign + "/override"), "{\"state\": \"ON\", \"until\": \"2040-01-01T00:00\"}")
                        .with(as(stranger))),
                mvc.perform(delete(foreign + "/override").with(as(stranger))),
                mvc.perform(json(put("/api/v1/teams/" + team.getId() + "/schedule"), SATURDAYS_IN_TOKYO)
                        .with(as(stranger))),
                mvc.perform(get("/api/v1/teams/" + team.getId() + "/environments/987654321/schedule")
                        .with(as(owner))),
                mvc.perform(get("/api/v1/teams/" + team.getId() + "/environments/not-a-number/schedule")
                        .with(as(owner))),
                mvc.perform(get("/api/v1/teams/987654321/schedule").with(as(owner))));
        for (ResultActions answer : answers) {
            answer.andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:not-found"));
            assertThat(answer.andReturn().getResponse().getContentAsString()).doesNotContain(environment.getName());
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anArchivedTeamsScheduleIsReadOnly() throws Exception {
        teams.archive(team.getId());
        String before = stored();
        mvc.perform(json(put(url), SATURDAYS_IN_TOKYO).with(as(owner)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("archived")));
        mvc.perform(delete(url + "/override").with(as(owner))).andExpect(status().isConflict());
        mvc.perform(json(put("/api/v1/teams/" + team.getId() + "/schedule"), SATURDAYS_IN_TOKYO).with(as(owner)))
                .andExpect(status().isConflict());
        mvc.perform(get(url).with(as(viewer))).andExpect(status().isOk());
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() throws Exception {
        mvc.perform(json(put(url), "{\"zone\": ").with(as(operator)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(url).param("transitions", "500").with(as(viewer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("transitions"));
        mvc.perform(get(url).param("transitions", "12").with(as(viewer)))
                .andExpect(jsonPath("$.transitions.length()").value(12));
    }

    private String stored() {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT zone, windows::text, exceptions::text, enabled,"
                + " override_state, override_until, version FROM environment_schedule WHERE environment_id = ?",
                environment.getId());
        rows.addAll(jdbc.queryForList("SELECT zone, windows::text, version FROM team_schedule WHERE team_id = ?",
                team.getId()));
        return rows.toString();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** The portal's one clock, fixed for this class's context. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
