package com.mcpportal.portal.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mcpportal.portal.api.ApiAuth;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.mcpportal.portal.api.ApiAuth.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log's REST API: who reads which events (as on the pages), every filter, keyset paging through the
 * opaque cursor, one event in full, the export, and 422 problems for parameters it cannot use.
 */
@PortalIntegrationTest
class AuditApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    private Team team;
    private Team other;
    private PortalUserPrincipal owner;
    private PortalUserPrincipal admin;

    @BeforeEach
    void setUp() {
        UserAccount ownerAccount = data.user("api-audit-owner");
        team = data.team("API audited", ownerAccount);
        other = data.team("API elsewhere", data.user("api-other-owner"));
        owner = TestData.principal(ownerAccount);
        admin = TestData.principal(data.admin());
    }

    @Test
    void requestsWithoutCredentialsGetNothing() throws Exception {
        long event = auditLog.record(AuditEntry.success("test.api.anonymous").team(team.getId()));
        for (String uri : List.of("/api/v1/teams/" + team.getId() + "/audit-events",
                "/api/v1/teams/" + team.getId() + "/audit-events/" + event, "/api/v1/audit-events",
                "/api/v1/audit-events/" + event, "/api/v1/audit-events/export",
                "/api/v1/teams/" + team.getId() + "/audit-events/export")) {
            mvc.perform(get(uri).accept(MediaType.APPLICATION_JSON).with(ApiAuth.anonymous()))
                    .andExpect(ApiAuth.unauthenticated())
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("test.api.anonymous"))));
        }
    }

    @Test
    void viewersAndOperatorsGet403OutsidersAndForeignEventsGet404OwnersOnlyTheirTeam() throws Exception {
        long own = auditLog.record(AuditEntry.success("test.api.access").team(team.getId()).detail("note", "own"));
        long foreign = auditLog.record(AuditEntry.success("test.api.access").team(other.getId())
                .detail("note", "foreign-secret"));
        UserAccount viewer = data.user("api-audit-viewer");
        UserAccount operator = data.user("api-audit-operator");
        data.addMember(team, viewer, TeamRole.VIEWER);
        data.addMember(team, operator, TeamRole.OPERATOR);

        for (UserAccount member : List.of(viewer, operator)) {
            PortalUserPrincipal as = TestData.principal(member);
            problem(get("/api/v1/teams/{t}/audit-events", team.getId()).with(as(as)), 403, "forbidden")
                    .andExpect(jsonPath("$.detail").value(containsString("Owner")));
            problem(get("/api/v1/teams/{t}/audit-events/{e}", team.getId(), own).with(as(as)), 403, "forbidden");
            problem(get("/api/v1/teams/{t}/audit-events/export", team.getId()).with(as(as)), 403, "forbidden");
            problem(get("/api/v1/audit-events").with(as(as)), 403, "forbidden");
        }
        // An owner of one team is an outsider to the other, and not an administrator.
        problem(get("/api/v1/teams/{t}/audit-events", other.getId()).with(as(owner)), 404, "not-found");
        problem(get("/api/v1/teams/{t}/audit-events/{e}", other.getId(), foreign).with(as(owner)), 404, "not-found");
        problem(get("/api/v1/teams/{t}/audit-events/{e}", team.getId(), foreign).with(as(owner)), 404, "not-found")
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("foreign-secret"))));
        problem(get("/api/v1/teams/{t}/audit-events/{e}", team.getId(), 999_999_999L).with(as(owner)), 404,
                "not-found");
        problem(get("/api/v1/teams/{t}/audit-events/{e}", team.getId(), "abc").with(as(owner)), 404, "not-found");
        problem(get("/api/v1/teams/{t}/audit-events", 999_999_999L).with(as(owner)), 404, "not-found");
        problem(get("/api/v1/audit-events").with(as(owner)), 403, "forbidden")
                .andExpect(jsonPath("$.detail").value(containsString("platform administrators")));
        problem(get("/api/v1/audit-events/{e}", own).with(as(owner)), 403, "forbidden");
        problem(get("/api/v1/audit-events/export").with(as(owner)), 403, "forbidden");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'audit.access.denied'"
                + " AND actor = ? AND details->>'reason' = 'not a platform administrator'", Long.class,
                owner.getUsername())).as("refusals are audited").isEqualTo(3);

        JsonNode ownList = json(get("/api/v1/teams/{t}/audit-events", team.getId()).param("action", "test.api.access")
                .with(as(owner)));
        assertThat(ids(ownList)).containsExactly(own);
        JsonNode adminList = json(get("/api/v1/audit-events").param("action", "test.api.access").with(as(admin)));
        assertThat(ids(adminList)).containsExactly(foreign, own);
        assertThat(ids(json(get("/api/v1/audit-events").param("action", "test.api.access")
                .param("team", other.getId().toString()).with(as(admin))))).containsExactly(foreign);
        // An administrator reads a team's list like its owner: that team's events only.
        assertThat(ids(json(get("/api/v1/teams/{t}/audit-events", other.getId()).param("action", "test.api.access")
                .with(as(admin))))).containsExactly(foreign);
    }

    @Test
    void oneEventHasEveryFieldWithDetailsAsAJsonObject() throws Exception {
        long id = auditLog.record(AuditEntry.success("test.api.detail").team(team.getId())
                .target("environment", "env-7").detail("nested", Map.of("key", "value")).detail("count", 3));
        Map<String, Object> row = jdbc.queryForMap("SELECT occurred_at, prev_hash, hash FROM audit_event WHERE id = ?",
                id);

        JsonNode event = json(get("/api/v1/teams/{t}/audit-events/{e}", team.getId(), id).with(as(owner)));
        assertThat(event.path("id").asLong()).isEqualTo(id);
        assertThat(Instant.parse(event.path("occurredAt").asString()))
                .isEqualTo(((Timestamp) row.get("occurred_at")).toInstant());
        assertThat(event.path("actor").asString()).isEqualTo("system");
        assertThat(event.path("teamId").asLong()).isEqualTo(team.getId());
        assertThat(event.path("teamName").asString()).isEqualTo(team.getName());
        assertThat(event.path("action").asString()).isEqualTo("test.api.detail");
        assertThat(event.path("targetType").asString()).isEqualTo("environment");
        assertThat(event.path("targetId").asString()).isEqualTo("env-7");
        assertThat(event.path("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(event.path("details").isObject()).isTrue();
        assertThat(event.path("details").path("nested").path("key").asString()).isEqualTo("value");
        assertThat(event.path("details").path("count").asInt()).isEqualTo(3);
        assertThat(event.path("prevHash").asString()).isEqualTo(row.get("prev_hash"));
        assertThat(event.path("hash").asString()).isEqualTo(row.get("hash")).hasSize(64);
        assertThat(event.has("clientIp")).isTrue();
        assertThat(event.has("userAgent")).isTrue();

        JsonNode same = json(get("/api/v1/audit-events/{e}", id).with(as(admin)));
        assertThat(same).isEqualTo(event);
    }

    @Test
    void everyFilterNarrowsTheListLikeThePage() throws Exception {
        long started = auditLog.record(AuditEntry.success("environment.started").team(team.getId())
                .target("environment", "env-a").actor("alice").detail("reason", "Window OPENED at 08:00"));
        long stopped = auditLog.record(AuditEntry.failure("environment.stopped").team(team.getId())
                .target("environment", "env-b").actor("bob").detail("reason", "cloud error"));
        long renamed = auditLog.record(AuditEntry.success("team.renamed").team(team.getId()).target("team", team.getId())
                .actor("alice"));
        long denied = auditLog.record(AuditEntry.denied("environment.deleted").team(team.getId())
                .target("environment", "env-a").actor("mallory"));

        assertThat(list(Map.of("action", "environment.*"))).containsExactly(denied, stopped, started);
        assertThat(list(Map.of("action", "environment."))).containsExactly(denied, stopped, started);
        assertThat(list(Map.of("action", "team.renamed"))).containsExactly(renamed);
        assertThat(list(Map.of("actor", "alice"))).containsExactly(renamed, started);
        assertThat(list(Map.of("targetType", "environment", "targetId", "env-a"))).containsExactly(denied, started);
        assertThat(list(Map.of("outcome", "failure"))).containsExactly(stopped);
        assertThat(list(Map.of("outcome", "DENIED"))).containsExactly(denied);
        assertThat(list(Map.of("text", "window opened"))).containsExactly(started);
        assertThat(list(Map.of("actor", "alice", "action", "environment.*"))).containsExactly(started);

        Instant from = occurredAt(stopped);
        Instant to = occurredAt(denied);
        List<Long> expected = jdbc.queryForList("SELECT id FROM audit_event WHERE team_id = ? AND occurred_at >= ?"
                + " AND occurred_at < ? ORDER BY occurred_at DESC, id DESC", Long.class, team.getId(),
                Timestamp.from(from), Timestamp.from(to));
        assertThat(expected).contains(stopped).doesNotContain(denied, started);
        assertThat(list(Map.of("from", from.toString(), "to", to.toString()))).isEqualTo(expected);
        // An offset instead of Z names the same instant.
        assertThat(list(Map.of("from", from.atOffset(java.time.ZoneOffset.ofHours(2)).toString(),
                "to", to.toString()))).isEqualTo(expected);

        // The administrators' list filters by team, or to platform-wide events.
        long platform = auditLog.record(AuditEntry.success("test.api.platform").detail("note", "no team"));
        assertThat(ids(json(get("/api/v1/audit-events").param("team", "platform").param("action", "test.api.platform")
                .with(as(admin))))).containsExactly(platform);
        assertThat(ids(json(get("/api/v1/audit-events").param("team", team.getId().toString())
                .param("action", "environment.*").with(as(admin))))).containsExactly(denied, stopped, started);
        assertThat(json(get("/api/v1/audit-events/{e}", platform).with(as(admin))).path("teamId").isNull()).isTrue();
        problem(get("/api/v1/teams/{t}/audit-events/{e}", team.getId(), platform).with(as(owner)), 404, "not-found");
    }

    @Test
    void theCursorVisitsEveryEventOnceNewestFirstWhileNewEventsArrive() throws Exception {
        for (int i = 0; i < 23; i++) {
            auditLog.record(AuditEntry.success("test.api.paging").team(team.getId()).detail("n", i));
        }
        List<Long> expected = jdbc.queryForList("SELECT id FROM audit_event WHERE team_id = ? "
                + "ORDER BY occurred_at DESC, id DESC", Long.class, team.getId());
        assertThat(expected).hasSize(24); // team.created, then the 23

        List<Long> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            MockHttpServletRequestBuilder request = get("/api/v1/teams/{t}/audit-events", team.getId())
                    .param("limit", "5").with(as(owner));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = json(request);
            seen.addAll(ids(page));
            sizes.add(page.path("items").size());
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
            // Someone keeps working while the script reads: new events must not shift the older pages.
            auditLog.record(AuditEntry.success("test.api.meanwhile").team(team.getId()));
        } while (cursor != null);

        assertThat(seen).as("no duplicates, no gaps, newest first").isEqualTo(expected);
        assertThat(sizes).containsExactly(5, 5, 5, 5, 4);

        JsonNode exact = json(get("/api/v1/teams/{t}/audit-events", team.getId()).param("action", "test.api.paging")
                .param("limit", "23").with(as(owner)));
        assertThat(exact.path("items").size()).isEqualTo(23);
        assertThat(exact.path("next").isNull()).as("no cursor when nothing older matches").isTrue();
        JsonNode byDefault = json(get("/api/v1/teams/{t}/audit-events", team.getId()).with(as(owner)));
        assertThat(byDefault.path("items").size()).as("the default limit is 50; fewer exist").isLessThan(50);
    }

    @Test
    void parametersItCannotUseAre422ProblemsNamingEachField() throws Exception {
        String uri = "/api/v1/teams/" + team.getId() + "/audit-events";
        invalid(uri, Map.of("outcome", "maybe"), "outcome");
        invalid(uri, Map.of("from", "yesterday"), "from");
        invalid(uri, Map.of("to", "2026-03-01T09:00"), "to");
        invalid(uri, Map.of("from", "2026-03-02T00:00:00Z", "to", "2026-03-01T00:00:00Z"), "to");
        invalid(uri, Map.of("limit", "0"), "limit");
        invalid(uri, Map.of("limit", "201"), "limit");
        invalid(uri, Map.of("limit", "ten"), "limit");
        invalid(uri, Map.of("cursor", "not-a-cursor"), "cursor");
        invalid(uri, Map.of("cursor", java.util.Base64.getUrlEncoder().encodeToString("a1:x:0:5".getBytes())),
                "cursor");
        invalid(uri, Map.of("actor", "a".repeat(101)), "actor");
        invalid(uri, Map.of("team", other.getId().toString()), "team");
        invalid("/api/v1/audit-events", Map.of("team", "everyone"), "team");
        invalid(uri + "/export", Map.of("format", "xls"), "format");
        invalid(uri + "/export", Map.of("from", "soon"), "from");

        JsonNode several = JSON.readTree(mvc.perform(get(uri).param("outcome", "maybe").param("limit", "500")
                .with(as(owner))).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString());
        assertThat(several.path("errors").findValuesAsString("field")).containsExactly("outcome", "limit");
        mvc.perform(get(uri).param("limit", "200").with(as(owner))).andExpect(status().isOk());
    }

    @Test
    void theExportStreamsJsonLinesOfTheFilterAndIsAudited() throws Exception {
        auditLog.record(AuditEntry.success("test.api.export").team(team.getId()).detail("note", "first"));
        auditLog.record(AuditEntry.failure("test.api.export").team(team.getId()).detail("note", "second"));
        auditLog.record(AuditEntry.success("test.api.other").team(team.getId()));
        auditLog.record(AuditEntry.success("test.api.export").team(other.getId()).detail("note", "foreign"));

        MvcResult started = mvc.perform(get("/api/v1/teams/{t}/audit-events/export", team.getId())
                .param("action", "test.api.export").with(as(owner))).andExpect(request().asyncStarted()).andReturn();
        String body = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/x-ndjson")))
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"audit-")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<JsonNode> lines = Arrays.stream(body.split("\n")).map(JSON::readTree).toList();
        assertThat(lines).extracting(line -> line.path("details").path("note").asString())
                .containsExactly("second", "first");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'audit.exported'"
                + " AND team_id = ? AND details->>'format' = 'jsonl'", Long.class, team.getId())).isEqualTo(1);

        MvcResult csv = mvc.perform(get("/api/v1/audit-events/export").param("action", "test.api.export")
                .param("format", "csv").with(as(admin))).andExpect(request().asyncStarted()).andReturn();
        assertThat(mvc.perform(asyncDispatch(csv)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("foreign", "first", "second");
    }

    private List<Long> list(Map<String, String> params) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/teams/{t}/audit-events", team.getId()).with(as(owner));
        params.forEach(request::param);
        return ids(json(request));
    }

    private void invalid(String uri, Map<String, String> params, String field) throws Exception {
        MockHttpServletRequestBuilder request = get(uri).with(as(uri.startsWith("/api/v1/audit-events") ? admin : owner));
        params.forEach(request::param);
        problem(request, 422, "invalid-input").andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    private org.springframework.test.web.servlet.ResultActions problem(MockHttpServletRequestBuilder request,
            int status, String type) throws Exception {
        return mvc.perform(request).andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:" + type))
                .andExpect(jsonPath("$.status").value(status));
    }

    private JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    private Instant occurredAt(long id) {
        return jdbc.queryForObject("SELECT occurred_at FROM audit_event WHERE id = ?", Timestamp.class, id).toInstant();
    }
}
