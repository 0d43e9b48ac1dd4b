package com.mcpportal.portal.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.IssueKeyCommand;
import com.mcpportal.portal.apikey.IssuedKey;
import com.mcpportal.portal.audit.export.CsvAuditWriter;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit pages and exports through HTTP: who sees what, the detail view, and what a download contains. */
@PortalIntegrationTest
class AuditPagesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiKeyService keys;

    @Autowired
    ApplicationContext context;

    @Test
    void viewersAndOperatorsDoNotSeeAuditOwnersSeeTheirTeamsAdminsSeeEverything() throws Exception {
        UserAccount owner = data.user("audit-owner");
        Team team = data.team("Audited", owner);
        Team other = data.team("Elsewhere", data.user("other-owner"));
        UserAccount viewer = data.user("audit-viewer");
        UserAccount operator = data.user("audit-operator");
        data.addMember(team, viewer, TeamRole.VIEWER);
        data.addMember(team, operator, TeamRole.OPERATOR);
        String ownSecret = TestData.unique("own-secret");
        String otherSecret = TestData.unique("other-secret");
        long ownEvent = auditLog.record(AuditEntry.success("test.pages").team(team.getId()).detail("note", ownSecret));
        long otherEvent = auditLog.record(AuditEntry.success("test.pages").team(other.getId()).detail("note", otherSecret));

        for (UserAccount reader : List.of(viewer, operator)) {
            PortalUserPrincipal as = TestData.principal(reader);
            mvc.perform(get("/audit").with(user(as))).andExpect(status().isForbidden())
                    .andExpect(request().attribute("com.mcpportal.portal.web.ErrorReason",
                            "The audit log is for team owners and platform administrators."));
            mvc.perform(get("/audit/events/{id}", ownEvent).with(user(as))).andExpect(status().isForbidden());
            mvc.perform(get("/audit/export").param("format", "csv").with(user(as))).andExpect(status().isForbidden());
            mvc.perform(get("/teams/{id}/audit", team.getId()).with(user(as))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/audit/verifications").with(user(as))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'audit.access.denied' "
                + "AND actor = ?", Long.class, viewer.getUsername())).isEqualTo(3);

        PortalUserPrincipal asOwner = TestData.principal(owner);
        mvc.perform(get("/teams/{id}/audit", team.getId()).with(user(asOwner)))
                .andExpect(redirectedUrl("/audit?team=" + team.getId()));
        mvc.perform(get("/audit").param("browserZone", "UTC").with(user(asOwner))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(ownSecret), not(containsString(otherSecret)),
                        not(containsString(other.getName())), not(containsString("Chain verification")))));
        mvc.perform(get("/audit").param("team", other.getId().toString()).with(user(asOwner)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/audit/events/{id}", otherEvent).with(user(asOwner))).andExpect(status().isNotFound());
        mvc.perform(get("/audit").param("team", "platform").with(user(asOwner))).andExpect(status().isNotFound());

        PortalUserPrincipal asAdmin = TestData.principal(data.admin());
        mvc.perform(get("/audit").param("action", "test.pages").param("zone", "UTC").with(user(asAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(ownSecret), containsString(otherSecret),
                        containsString(other.getName()), containsString("Chain verification"))));
        mvc.perform(get("/admin/audit").with(user(asAdmin))).andExpect(redirectedUrl("/audit"));
    }

    @Test
    void theDetailViewShowsEveryFieldPrettyDetailsAndLinksToTargetsThatExist() throws Exception {
        UserAccount owner = data.user("detail-owner");
        Team team = data.team("Detailed", owner);
        long toTeam = auditLog.record(AuditEntry.success("test.detail").team(team.getId()).target("team", team.getId())
                .detail("nested", java.util.Map.of("key", "value")).detail("quote", "<script>alert(1)</script>"));
        long toUser = auditLog.record(AuditEntry.success("test.detail").team(team.getId())
                .target("user", owner.getId()));
        long toGone = auditLog.record(AuditEntry.success("test.detail").team(team.getId())
                .target("environment", "env-that-never-was"));

        PortalUserPrincipal asOwner = TestData.principal(owner);
        mvc.perform(get("/audit/events/{id}", toTeam).param("zone", "Asia/Tokyo").with(user(asOwner)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Audit event " + toTeam), containsString("Asia/Tokyo"),
                        containsString("href=\"/teams/" + team.getId() + "\""), containsString("&quot;nested&quot; : {"),
                        containsString("&lt;script&gt;"), not(containsString("<script>alert")),
                        containsString(jdbc.queryForObject("SELECT hash FROM audit_event WHERE id = ?", String.class,
                                toTeam)), containsString("href=\"/audit?zone=Asia/Tokyo\""))));
        mvc.perform(get("/audit/events/{id}", toUser).with(user(asOwner)))
                .andExpect(content().string(not(containsString("href=\"/admin/users/"))));
        mvc.perform(get("/audit/events/{id}", toUser).with(user(TestData.principal(data.admin()))))
                .andExpect(content().string(allOf(containsString("href=\"/admin/users/" + owner.getId() + "\""),
                        containsString(owner.getUsername()))));
        mvc.perform(get("/audit/events/{id}", toGone).with(user(asOwner)))
                .andExpect(content().string(containsString("no page, or it no longer exists")));
        mvc.perform(get("/audit/events/{id}", 999_999_999L).with(user(asOwner))).andExpect(status().isNotFound());
    }

    @Test
    void eachEventReadsAsASentenceWithItsDetailsListedAndLinksToTheKeyAndEnvironmentThatStillExist() throws Exception {
        UserAccount owner = data.user("sentence-owner");
        Team team = data.team("Sentences", owner);
        PortalUserPrincipal asOwner = TestData.principal(owner);
        Environment environment = new Environments(context).draft(team.getId(), "staging");
        IssuedKey issued;
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(asOwner, null, asOwner.getAuthorities()));
        try {
            issued = keys.issue(team.getId(), new IssueKeyCommand("ci-bot", Duration.ofDays(30), true, Set.of(), null));
            keys.roll(team.getId(), issued.key().id(), Duration.ofHours(1));
        } finally {
            SecurityContextHolder.clearContext();
        }
        long rolled = jdbc.queryForObject("SELECT id FROM audit_event WHERE action = 'apikey.rolled' AND team_id = ?",
                Long.class, team.getId());
        long created = jdbc.queryForObject("SELECT id FROM audit_event WHERE action = 'environment.created'"
                + " AND team_id = ?", Long.class, team.getId());

        mvc.perform(get("/audit/events/{id}", rolled).with(user(asOwner))).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString(owner.getUsername() + " rolled key ci-bot with 1 h grace"),
                        containsString("href=\"/teams/" + team.getId() + "/api-keys#key-" + issued.key().publicId()
                                + "\""), containsString("→ key ci-bot"),
                        not(containsString("no page, or it no longer exists")),
                        containsString("<dt>graceSeconds</dt>"), containsString("<dd>3600</dd>"),
                        containsString("<summary>Raw JSON</summary>"), containsString("&quot;graceSeconds&quot; : 3600"))));
        mvc.perform(get("/audit/events/{id}", created).with(user(asOwner))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("created environment " + environment.getName()),
                        containsString("href=\"/teams/" + team.getId() + "/environments/" + environment.getId() + "\""))));
        mvc.perform(get("/audit").param("team", team.getId().toString()).with(user(asOwner)))
                .andExpect(content().string(allOf(
                        containsString(owner.getUsername() + " rolled key ci-bot with 1 h grace"),
                        containsString(owner.getUsername() + " issued key ci-bot (All environments)"))));
    }

    @Test
    void exportsStreamTheCurrentFilterEscapedAndAreThemselvesAudited() throws Exception {
        UserAccount owner = data.user("export-owner");
        Team team = data.team("Exported", owner);
        auditLog.record(AuditEntry.success("test.export").team(team.getId()).actor("=cmd|' /C calc'!A0")
                .detail("note", "Zoë, \"quoted\"\nsecond line ✓"));
        auditLog.record(AuditEntry.failure("test.export").team(team.getId()).detail("note", "+SUM(1,2)"));
        auditLog.record(AuditEntry.success("test.other").team(team.getId()));
        PortalUserPrincipal asOwner = TestData.principal(owner);

        String csv = download(asOwner, "csv", team, "test.export");
        String[] records = csv.substring(1).split("\r\n");
        assertThat(records[0]).isEqualTo(CsvAuditWriter.HEADER);
        assertThat(records).hasSize(3);
        assertThat(records[1]).contains(",FAILURE,").contains("\"{\"\"note\"\": \"\"+SUM(1,2)\"\"}\"");
        assertThat(records[2]).contains(",'=cmd|' /C calc'!A0,").contains(team.getName())
                .contains("\"{\"\"note\"\": \"\"Zoë, \\\"\"quoted\\\"\"\\nsecond line ✓\"\"}\"");

        String lines = download(asOwner, "jsonl", team, "test.export");
        List<JsonNode> events = Arrays.stream(lines.split("\n")).map(JSON::readTree).toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).path("details").path("note").asString()).isEqualTo("Zoë, \"quoted\"\nsecond line ✓");
        assertThat(events.get(1).path("actor").asString()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(events.get(0).path("hash").asString()).hasSize(64);

        List<String> exports = jdbc.queryForList("SELECT details->'filter'->>'action' || ' ' || (details->>'format') "
                + "FROM audit_event WHERE action = 'audit.exported' AND team_id = ? ORDER BY id", String.class, team.getId());
        assertThat(exports).containsExactly("test.export csv", "test.export jsonl");
        String everything = download(asOwner, "jsonl", team, "");
        long ownEvent = jdbc.queryForObject("SELECT max(id) FROM audit_event WHERE action = 'audit.exported' "
                + "AND team_id = ?", Long.class, team.getId());
        assertThat(everything.split("\n")).as("team.created, 3 events, the 2 earlier exports; not its own event")
                .hasSize(6).noneMatch(line -> line.startsWith("{\"id\":" + ownEvent + ","));

        mvc.perform(get("/audit/export").param("format", "xls").with(user(asOwner))).andExpect(status().isBadRequest());
        mvc.perform(get("/audit/export").param("format", "csv").param("since", "soon").with(user(asOwner)))
                .andExpect(status().isBadRequest());
    }

    /**
     * A streamed answer commits on another thread while the request's own thread leaves the filter chain: written
     * lazily, the security headers were then written by both at once (spring-security#15510), which duplicated them
     * and made this class fail now and then with a ConcurrentModificationException. They are written first now.
     */
    @Test
    void streamedAnswersCarryEachSecurityHeaderOnceWrittenBeforeTheAnswer() throws Exception {
        UserAccount owner = data.user("streaming-owner");
        data.team("Streamed", owner);
        PortalUserPrincipal asOwner = TestData.principal(owner);
        for (int i = 0; i < 40; i++) {
            MvcResult refused = mvc.perform(get("/audit/export").param("format", "xls").with(user(asOwner)))
                    .andExpect(status().isBadRequest()).andReturn();
            assertThat(refused.getResponse().getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(refused.getResponse().getHeaders("X-Frame-Options")).containsExactly("DENY");
        }
        FilterChainProxy chains = context.getBean(FilterChainProxy.class);
        ServletContext servletContext = ((WebApplicationContext) context).getServletContext();
        SecurityFilterChain api = chains.getFilterChains().stream()
                .filter(chain -> chain.matches(new MockHttpServletRequest(servletContext, "GET", "/api/audit/export"))).findFirst()
                .orElseThrow();
        SecurityFilterChain pages = chains.getFilterChains().stream()
                .filter(chain -> chain.matches(new MockHttpServletRequest(servletContext, "GET", "/audit/export"))).findFirst()
                .orElseThrow();
        for (SecurityFilterChain chain : List.of(api, pages)) {
            HeaderWriterFilter writer = chain.getFilters().stream().filter(HeaderWriterFilter.class::isInstance)
                    .map(HeaderWriterFilter.class::cast).findFirst().orElseThrow();
            assertThat(ReflectionTestUtils.getField(writer, "shouldWriteHeadersEagerly")).isEqualTo(true);
        }
    }

    private String download(PortalUserPrincipal as, String format, Team team, String action) throws Exception {
        MvcResult started = mvc.perform(get("/audit/export").param("format", format)
                        .param("team", team.getId().toString()).param("action", action).with(user(as)))
                .andExpect(request().asyncStarted()).andReturn();
        MvcResult done = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"audit-")))
                .andReturn();
        return done.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
