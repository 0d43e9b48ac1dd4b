package com.mcpportal.portal.apikey;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.mcpportal.portal.api.ApiAuth.anonymous;
import static com.mcpportal.portal.api.ApiAuth.as;
import static com.mcpportal.portal.api.ApiAuth.unauthenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A team's keys through the REST API: issue once, list, read, revoke, roll, rotation policy, roles and refusals. */
@PortalIntegrationTest
class ApiKeyApiIntegrationTests {

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
    PortalUserPrincipal owner;
    PortalUserPrincipal operator;
    PortalUserPrincipal viewer;
    String keys;

    @BeforeEach
    void setUp() {
        UserAccount ownerAccount = data.user("keys-api-owner");
        team = data.team("Keys API", ownerAccount);
        UserAccount operatorAccount = data.user("keys-api-operator");
        UserAccount viewerAccount = data.user("keys-api-viewer");
        data.addMember(team, operatorAccount, TeamRole.OPERATOR);
        data.addMember(team, viewerAccount, TeamRole.VIEWER);
        owner = TestData.principal(ownerAccount);
        operator = TestData.principal(operatorAccount);
        viewer = TestData.principal(viewerAccount);
        keys = "/api/v1/teams/" + team.getId() + "/keys";
    }

    @Test
    void anOwnerIssuesAKeyWhoseSecretIsShownOnceAndStoredOnlyAsItsHash() throws Exception {
        MockHttpServletResponse issued = mvc.perform(json(post(keys),
                        "{\"name\": \"ci pipeline\", \"expiresInDays\": 30}").with(as(owner)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").value(startsWith("mcp_")))
                .andExpect(jsonPath("$.key.name").value("ci pipeline"))
                .andExpect(jsonPath("$.key.status").value("ACTIVE"))
                .andExpect(jsonPath("$.key.allEnvironments").value(true))
                .andExpect(jsonPath("$.key.createdBy").value(owner.getUsername()))
                .andExpect(jsonPath("$.previous").value(nullValue()))
                .andReturn().getResponse();
        String body = issued.getContentAsString();
        String secret = JsonPath.read(body, "$.secret");
        long id = ((Number) JsonPath.read(body, "$.key.id")).longValue();
        String publicId = JsonPath.read(body, "$.key.publicId");
        assertThat(issued.getHeader("Location")).endsWith(keys + "/" + id);
        assertThat(secret).contains(publicId);
        assertThat(Instant.parse(JsonPath.read(body, "$.key.expiresAt")))
                .isCloseTo(Instant.now().plus(30, ChronoUnit.DAYS), within(Duration.ofMinutes(2)));
        assertThat(jdbc.queryForObject("SELECT sha256 FROM api_key WHERE id = ?", String.class, id))
                .isEqualTo(ApiKeyFormat.sha256Hex(secret));

        String one = mvc.perform(get(keys + "/" + id).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.publicId").value(publicId))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andReturn().getResponse().getContentAsString();
        String list = mvc.perform(get(keys).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.next").value(nullValue()))
                .andReturn().getResponse().getContentAsString();
        assertThat(one + list).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'apikey.issued'"
                + " AND target_id = ?", Long.class, Long.toString(id))).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyNeverIssuesTwice() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        String first = mvc.perform(json(post(keys), "{\"name\": \"deploy bot\"}")
                        .header("Idempotency-Key", idempotencyKey).with(as(owner)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(first, "$.key.id")).longValue();
        String secret = JsonPath.read(first, "$.secret");

        String retry = mvc.perform(json(post(keys), "{\"name\": \"deploy bot\"}")
                        .header("Idempotency-Key", idempotencyKey).with(as(owner)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:already-issued"))
                .andExpect(jsonPath("$.keyId").value(id))
                .andExpect(jsonPath("$.publicId").value(JsonPath.<String>read(first, "$.key.publicId")))
                .andExpect(header().string("Location", containsString(keys + "/" + id)))
                .andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key already issued key")))
                .andReturn().getResponse().getContentAsString();
        assertThat(retry).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(keyCount()).isEqualTo(1);

        // The same header from another team's owner is another request, and says nothing about this one.
        UserAccount otherOwner = data.user("keys-api-other");
        Team other = data.team("Keys API other", otherOwner);
        String elsewhere = mvc.perform(json(post("/api/v1/teams/" + other.getId() + "/keys"),
                        "{\"name\": \"deploy bot\"}").header("Idempotency-Key", idempotencyKey)
                        .with(as(TestData.principal(otherOwner))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(elsewhere, "$.key.id")).longValue()).isNotEqualTo(id);

        mvc.perform(json(post(keys), "{\"name\": \"deploy bot\"}").header("Idempotency-Key", " ").with(as(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(keyCount()).isEqualTo(1);
    }

    @Test
    void twoRequestsWithTheSameIdempotencyKeyAtOnceIssueOneKey() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(json(post(keys), "{\"name\": \"twice at once\"}")
                            .header("Idempotency-Key", idempotencyKey).with(as(owner))).andReturn().getResponse();
                }));
            }
            start.countDown();
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (Future<MockHttpServletResponse> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            responses.sort(Comparator.comparingInt(MockHttpServletResponse::getStatus));
            assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsExactly(201, 409);
            Number issued = JsonPath.read(responses.get(0).getContentAsString(), "$.key.id");
            Number reported = JsonPath.read(responses.get(1).getContentAsString(), "$.keyId");
            assertThat(reported.longValue()).isEqualTo(issued.longValue());
            assertThat(responses.get(1).getContentAsString()).doesNotContain("\"secret\"");
        } finally {
            pool.shutdownNow();
        }
        assertThat(keyCount()).isEqualTo(1);
    }

    @Test
    void aKeyScopedToEnvironmentsListsThemAndForeignEnvironmentsAreRefused() throws Exception {
        Environment mine = new Environments(context).draft(team.getId(), "keys-api-env");
        UserAccount strangerAccount = data.user("keys-api-stranger");
        Environment foreign = new Environments(context).draft(data.team("Keys API foreign", strangerAccount).getId(),
                "keys-api-foreign");

        mvc.perform(json(post(keys), "{\"name\": \"scoped\", \"environmentIds\": [" + mine.getId() + "]}")
                        .with(as(owner)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.key.allEnvironments").value(false))
                .andExpect(jsonPath("$.key.environments[0].id").value(mine.getId()))
                .andExpect(jsonPath("$.key.environments[0].name").value(mine.getName()));
        mvc.perform(json(post(keys), "{\"name\": \"sneaky\", \"environmentIds\": [" + foreign.getId() + "]}")
                        .with(as(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("environmentIds"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(foreign.getName()))));
        assertThat(keyCount()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedBesideItsFieldAndIssuesNothing() throws Exception {
        mvc.perform(json(post(keys), "{\"name\": \"  \"}").with(as(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(json(post(keys), "{\"name\": \"forever\", \"expiresInDays\": 4000}").with(as(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("expiresInDays"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("365 days")));
        mvc.perform(json(post(keys), "{\"name\": \"never\", \"neverExpires\": true}").with(as(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("expiresInDays"));
        mvc.perform(json(post(keys), "{\"name\": \"both\", \"allEnvironments\": true, \"environmentIds\": [1]}")
                        .with(as(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("environmentIds"));
        mvc.perform(post(keys).with(as(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(json(post(keys), "{\"name\": ").with(as(owner)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(keyCount()).isZero();
    }

    @Test
    void aRevokedKeyShowsItsStatusAndCannotBeRevokedOrRolledAgain() throws Exception {
        long id = issue("to revoke");
        mvc.perform(post(keys + "/" + id + "/revoke").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.revokedBy").value(owner.getUsername()))
                .andExpect(jsonPath("$.revokedAt").isNotEmpty());
        mvc.perform(get(keys + "/" + id).with(as(viewer))).andExpect(jsonPath("$.status").value("REVOKED"));

        mvc.perform(post(keys + "/" + id + "/revoke").with(as(owner)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("already revoked")));
        mvc.perform(json(post(keys + "/" + id + "/roll"), "{\"grace\": \"1h\"}").with(as(owner)))
                .andExpect(status().isConflict());
        assertThat(keyCount()).isEqualTo(1);
    }

    @Test
    void rollingGivesANewSecretOnceAndKeepsTheOldKeyForItsGracePeriod() throws Exception {
        long id = issue("to roll");
        String rolled = mvc.perform(json(post(keys + "/" + id + "/roll"), "{\"grace\": \"1h\"}").with(as(owner)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").value(startsWith("mcp_")))
                .andExpect(jsonPath("$.key.status").value("ACTIVE"))
                .andExpect(jsonPath("$.key.name").value("to roll"))
                .andExpect(jsonPath("$.key.rolledFromId").value(id))
                .andExpect(jsonPath("$.previous.id").value(id))
                .andExpect(jsonPath("$.previous.status").value("ROLLED"))
                .andReturn().getResponse().getContentAsString();
        long successor = ((Number) JsonPath.read(rolled, "$.key.id")).longValue();
        assertThat(Instant.parse(JsonPath.read(rolled, "$.previous.graceEndsAt")))
                .isCloseTo(Instant.now().plus(1, ChronoUnit.HOURS), within(Duration.ofMinutes(2)));
        mvc.perform(get(keys + "/" + id).with(as(viewer)))
                .andExpect(jsonPath("$.status").value("ROLLED"))
                .andExpect(jsonPath("$.rolledToId").value(successor));

        mvc.perform(json(post(keys + "/" + id + "/roll"), "{\"grace\": \"1h\"}").with(as(owner)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("already rolled")));
        mvc.perform(json(post(keys + "/" + successor + "/roll"), "{\"grace\": \"2 weeks\"}").with(as(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("grace"));
        mvc.perform(post(keys + "/" + successor + "/roll").with(as(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("grace"));

        mvc.perform(json(post(keys + "/" + successor + "/roll"), "{\"grace\": \"now\"}").with(as(owner)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.previous.status").value("EXPIRED"))
                .andExpect(jsonPath("$.previous.graceEndsAt").value(nullValue()));
        assertThat(keyCount()).isEqualTo(3);
    }

    @Test
    void theListIsPagedNewestFirstWithAnOpaqueCursor() throws Exception {
        List<Long> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issued.add(issue("paged " + i));
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MockHttpServletRequestBuilder request = get(keys).param("limit", "2").with(as(viewer));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            List<Number> ids = JsonPath.read(page, "$.items[*].id");
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            ids.forEach(id -> seen.add(id.longValue()));
            cursor = JsonPath.read(page, "$.next");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        Collections.reverse(issued);
        assertThat(seen).as("newest first").isEqualTo(issued);

        mvc.perform(get(keys).param("cursor", "not-a-cursor").with(as(viewer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get(keys).param("limit", "0").with(as(viewer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void theRotationPolicyIsReadByMembersAndSetByOwners() throws Exception {
        String rotation = "/api/v1/teams/" + team.getId() + "/key-rotation";
        mvc.perform(get(rotation).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(json(put(rotation), "{\"everyDays\": 30, \"grace\": \"24h\"}").with(as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(json(put(rotation), "{\"everyDays\": 30, \"grace\": \"24h\"}").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.everyDays").value(30))
                .andExpect(jsonPath("$.grace").value("24h"))
                .andExpect(jsonPath("$.updatedBy").value(owner.getUsername()));
        mvc.perform(get(rotation).with(as(viewer))).andExpect(jsonPath("$.grace").value("24h"));

        mvc.perform(json(put(rotation), "{\"everyDays\": 0, \"grace\": \"7d\"}").with(as(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("everyDays"));
        mvc.perform(json(put(rotation), "{\"everyDays\": 10, \"grace\": \"soon\"}").with(as(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("grace"));
        mvc.perform(get(rotation).with(as(viewer))).andExpect(jsonPath("$.everyDays").value(30));

        mvc.perform(delete(rotation).with(as(operator))).andExpect(status().isForbidden());
        mvc.perform(delete(rotation).with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get(rotation).with(as(viewer))).andExpect(jsonPath("$.enabled").value(false));
    }

    @Test
    void viewersAndOperatorsReadButOnlyOwnersChangeKeys() throws Exception {
        long id = issue("owners only");
        for (PortalUserPrincipal member : List.of(viewer, operator)) {
            mvc.perform(get(keys).with(as(member))).andExpect(status().isOk());
            mvc.perform(json(post(keys), "{\"name\": \"mine\"}").with(as(member)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(containsString("Owner")));
            mvc.perform(post(keys + "/" + id + "/revoke").with(as(member))).andExpect(status().isForbidden());
            mvc.perform(json(post(keys + "/" + id + "/roll"), "{\"grace\": \"1h\"}").with(as(member)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get(keys + "/" + id).with(as(viewer))).andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(keyCount()).isEqualTo(1);
    }

    @Test
    void withoutAuthenticationNothingIsListedOrIssued() throws Exception {
        long id = issue("anonymous target");
        mvc.perform(get(keys).with(anonymous())).andExpect(unauthenticated());
        mvc.perform(get(keys + "/" + id).with(anonymous())).andExpect(unauthenticated());
        mvc.perform(json(post(keys), "{\"name\": \"anon\"}").with(anonymous())).andExpect(unauthenticated());
        mvc.perform(post(keys + "/" + id + "/revoke").with(anonymous())).andExpect(unauthenticated());
        mvc.perform(json(post(keys + "/" + id + "/roll"), "{\"grace\": \"now\"}").with(anonymous()))
                .andExpect(unauthenticated());
        mvc.perform(get("/api/v1/teams/" + team.getId() + "/key-rotation").with(anonymous()))
                .andExpect(unauthenticated());
        mvc.perform(get(keys + "/" + id).with(as(viewer))).andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(keyCount()).isEqualTo(1);
    }

    @Test
    void anotherTeamsKeysAndUnknownIdsAreNotFound() throws Exception {
        long id = issue("victim key");
        UserAccount strangerAccount = data.user("keys-api-intruder");
        Team intruders = data.team("Keys API intruders", strangerAccount);
        PortalUserPrincipal stranger = TestData.principal(strangerAccount);
        String foreign = "/api/v1/teams/" + intruders.getId() + "/keys/" + id;
        List<MockHttpServletRequestBuilder> requests = List.of(
                get(keys).with(as(stranger)),
                get(keys + "/" + id).with(as(stranger)),
                json(post(keys), "{\"name\": \"planted\"}").with(as(stranger)),
                post(keys + "/" + id + "/revoke").with(as(stranger)),
                get(foreign).with(as(stranger)),
                post(foreign + "/revoke").with(as(stranger)),
                json(post(foreign + "/roll"), "{\"grace\": \"now\"}").with(as(stranger)),
                post(foreign + "/roll").with(as(stranger)),
                json(put("/api/v1/teams/" + team.getId() + "/key-rotation"), "{\"everyDays\": 1, \"grace\": \"now\"}")
                        .with(as(stranger)),
                get(keys + "/987654321").with(as(owner)),
                post(keys + "/987654321/revoke").with(as(owner)),
                get(keys + "/abc").with(as(owner)));
        for (MockHttpServletRequestBuilder request : requests) {
            String body = mvc.perform(request)
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:not-found"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).doesNotContain("victim key");
        }
        mvc.perform(get(keys + "/" + id).with(as(owner))).andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(keyCount()).isEqualTo(1);
    }

    @Test
    void anArchivedTeamCanStillRevokeButNotIssueOrRoll() throws Exception {
        long id = issue("archived team key");
        teams.archive(team.getId());
        mvc.perform(json(post(keys), "{\"name\": \"late\"}").with(as(owner)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("archived")));
        mvc.perform(json(post(keys + "/" + id + "/roll"), "{\"grace\": \"1h\"}").with(as(owner)))
                .andExpect(status().isConflict());
        mvc.perform(post(keys + "/" + id + "/revoke").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"));
        assertThat(keyCount()).isEqualTo(1);
    }

    private long issue(String name) throws Exception {
        String body = mvc.perform(json(post(keys), "{\"name\": \"" + name + "\"}").with(as(owner)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.key.id")).longValue();
    }

    private long keyCount() {
        return jdbc.queryForObject("SELECT count(*) FROM api_key WHERE team_id = ?", Long.class, team.getId());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration tolerance) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(tolerance.toSeconds(), ChronoUnit.SECONDS);
    }
}
