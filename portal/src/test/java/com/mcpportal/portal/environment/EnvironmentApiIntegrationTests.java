package com.mcpportal.portal.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.image.ServerImages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.mcpportal.portal.accesstoken.AccessTokensForTests.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The environment endpoints of the REST API, called with real personal access tokens. */
@PortalIntegrationTest
class EnvironmentApiIntegrationTests {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TeamService teams;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ServerImages serverImages;

    Team team;
    String operator;
    String viewer;
    String outsider;
    Environments environments;

    @BeforeEach
    void team() {
        UserAccount owner = data.user("env-api-owner");
        team = data.team("Env API", owner);
        UserAccount operatorUser = data.user("env-api-operator");
        data.addMember(team, operatorUser, TeamRole.OPERATOR);
        UserAccount viewerUser = data.user("env-api-viewer");
        data.addMember(team, viewerUser, TeamRole.VIEWER);
        UserAccount stranger = data.user("env-api-stranger");
        data.team("Stranger team", stranger);
        AccessTokensForTests tokens = new AccessTokensForTests(context);
        operator = tokens.issue(operatorUser);
        viewer = tokens.issue(viewerUser);
        outsider = tokens.issue(stranger);
        environments = new Environments(context);
    }

    private String base() {
        return "/api/v1/teams/" + team.getId() + "/environments";
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType("application/json").content(body);
    }

    @Test
    void createsADraftWithThePagesDefaultsAndNeverReturnsTheElevenLabsKey() throws Exception {
        String name = TestData.unique("api-created");
        MockHttpServletResponse created = mvc.perform(json(post(base()).with(bearer(operator)),
                        "{\"name\":\"" + name + "\",\"elevenLabsApiKey\":\"xi-secret-key-98765\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString(base() + "/")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.state").value("DRAFT"))
                .andExpect(jsonPath("$.cpu").value(256))
                .andExpect(jsonPath("$.memoryMiB").value(512))
                .andExpect(jsonPath("$.architecture").value("ARM64"))
                .andExpect(jsonPath("$.imageSource").value("PUBLISHED"))
                .andExpect(jsonPath("$.imageTag").doesNotExist())
                .andExpect(jsonPath("$.image").doesNotExist())
                .andExpect(jsonPath("$.elevenLabsApiKeyUpdatedAt").isNotEmpty())
                .andExpect(content().string(not(containsString("xi-secret-key-98765"))))
                .andReturn().getResponse();

        mvc.perform(get(created.getHeader("Location")).with(bearer(viewer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(content().string(not(containsString("xi-secret-key-98765"))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'environment.created'"
                + " AND details->>'name' = ?", Long.class, name)).isOne();
    }

    @Test
    void refusedInputIs422WithTheField() throws Exception {
        mvc.perform(json(post(base()).with(bearer(operator)), "{\"name\":\"ok-name\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("elevenLabsApiKey"));
        mvc.perform(json(post(base()).with(bearer(operator)),
                        "{\"name\":\"x\",\"cpu\":300,\"elevenLabsApiKey\":\"xi-12345678\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(json(post(base()).with(bearer(operator)),
                        "{\"name\":\"x\",\"architecture\":\"SPARC\",\"elevenLabsApiKey\":\"xi-12345678\"}"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get(base()).param("cursor", "not-a-cursor").with(bearer(viewer)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    @Test
    void viewersReadOperatorsChangeOutsidersSeeNothing() throws Exception {
        Environment draft = environments.draft(team.getId(), "roles");
        String one = base() + "/" + draft.getId();

        mvc.perform(get(one).with(bearer(viewer))).andExpect(status().isOk());
        mvc.perform(json(patch(one).with(bearer(viewer)), "{\"imageTag\":\"2.0\"}"))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post(one + "/provision").with(bearer(viewer))).andExpect(status().isForbidden());
        mvc.perform(delete(one).with(bearer(viewer))).andExpect(status().isForbidden());
        mvc.perform(get(one).with(bearer(outsider))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(content().string(not(containsString(draft.getName()))));
        mvc.perform(get(base()).with(bearer(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/teams/" + team.getId() + "/environments/999999999").with(bearer(viewer)))
                .andExpect(status().isNotFound());
        assertThat(environments.service().get(draft.getId()).getImageSource()).isEqualTo(ImageSource.PUBLISHED);
    }

    @Test
    void listsEveryEnvironmentOncePageByPage() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            names.add(environments.draft(team.getId(), "page").getName());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MockHttpServletRequestBuilder request = get(base()).param("limit", "2").with(bearer(viewer));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            seen.addAll(JsonPath.read(body, "$.items[*].name"));
            cursor = JsonPath.read(body, "$.next");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyElementsOf(names);
        assertThat(pages).isEqualTo(3);
        mvc.perform(get(base()).param("limit", "0").with(bearer(viewer))).andExpect(status().isUnprocessableContent());
    }

    @Test
    void putReplacesEverySettingPatchChangesSome() throws Exception {
        Environment draft = environments.draft(team.getId(), "change");
        String one = base() + "/" + draft.getId();

        mvc.perform(json(patch(one).with(bearer(operator)),
                        "{\"imageSource\":\"REPOSITORY\",\"imageTag\":\"2.0\",\"logRetentionDays\":14}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imageTag").value("2.0"))
                .andExpect(jsonPath("$.logRetentionDays").value(14))
                .andExpect(jsonPath("$.name").value(draft.getName()));
        mvc.perform(json(put(one).with(bearer(operator)), "{\"name\":\"only-a-name\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'region')]").exists());
        String full = """
                {"name":"%s","cloudAccountId":%d,"region":"eu-west-1","cpu":512,"memoryMiB":1024,
                 "architecture":"X86_64","imageSource":"URI","imageUri":"public.ecr.aws/acme/mcp-server:1.4.0",
                 "natInstanceType":"t3.nano","natSpot":true,"fargateSpot":true,"logRetentionDays":30,
                 "allowedCidrs":["198.51.100.0/24"]}""".formatted(draft.getName(), environments.simulatedAccountId());
        mvc.perform(json(put(one).with(bearer(operator)), full)).andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value("eu-west-1"))
                .andExpect(jsonPath("$.imageUri").value("public.ecr.aws/acme/mcp-server:1.4.0"))
                .andExpect(jsonPath("$.imageTag").doesNotExist())
                .andExpect(jsonPath("$.allowedCidrs[0]").value("198.51.100.0/24"));
        assertThat(environments.service().get(draft.getId()).getRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void actionsAnswer202WithTheOperationAndStateConflictsAre409() throws Exception {
        Environment draft = environments.draft(team.getId(), "run");
        String one = base() + "/" + draft.getId();

        mvc.perform(post(one + "/start").with(bearer(operator))).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:conflict"))
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.detail").value(containsString("draft")));

        MockHttpServletResponse accepted = mvc.perform(post(one + "/provision").with(bearer(operator)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", containsString(one + "/operations/")))
                .andExpect(jsonPath("$.kind").value("PROVISION"))
                .andExpect(jsonPath("$.steps").isNotEmpty())
                .andReturn().getResponse();
        long operationId = ((Number) JsonPath.read(accepted.getContentAsString(), "$.id")).longValue();
        environments.awaitState(draft.getId(), EnvironmentState.READY);

        mvc.perform(get(accepted.getHeader("Location")).with(bearer(viewer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUCCEEDED"))
                .andExpect(jsonPath("$.steps[0].state").value("DONE"));
        mvc.perform(get(one).with(bearer(viewer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.image.version").value(serverImages.carriedVersion().orElseThrow()))
                .andExpect(jsonPath("$.image.digest").value(matchesPattern("sha256:[0-9a-f]{64}")))
                .andExpect(jsonPath("$.image.reference").value(matchesPattern(".*/mcp-" + draft.getCloudId()
                        + "@sha256:[0-9a-f]{64}")));
        mvc.perform(delete(one).with(bearer(operator))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("deprovision")));
        Environment other = environments.draft(team.getId(), "other");
        mvc.perform(get(base() + "/" + other.getId() + "/operations/" + operationId).with(bearer(viewer)))
                .andExpect(status().isNotFound());

        jdbc.update("UPDATE operation SET state = 'RUNNING' WHERE id = ?", operationId);
        try {
            // busy: a conflict that ends by itself, told apart from the others so scripts wait and retry
            mvc.perform(post(one + "/stop").with(bearer(operator))).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:busy"))
                    .andExpect(jsonPath("$.operationId").value(operationId))
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.detail").value(containsString("in progress")));
            mvc.perform(json(patch(one).with(bearer(operator)), "{\"imageTag\":\"3.0\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:busy"))
                    .andExpect(jsonPath("$.detail").value(containsString("operation is running")));
        } finally {
            jdbc.update("UPDATE operation SET state = 'SUCCEEDED' WHERE id = ?", operationId);
        }

        mvc.perform(post(one + "/stop").with(bearer(operator))).andExpect(status().isAccepted());
        environments.awaitState(draft.getId(), EnvironmentState.READY);
        mvc.perform(post(one + "/deprovision").with(bearer(operator))).andExpect(status().isAccepted());
        environments.awaitState(draft.getId(), EnvironmentState.DELETED);
        mvc.perform(json(patch(one).with(bearer(operator)), "{\"imageTag\":\"3.0\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("deleted")));
        // deprovisioning deleted it: a script's DELETE after it is a 204 that changes nothing
        mvc.perform(delete(one).with(bearer(operator))).andExpect(status().isNoContent());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'environment.deleted'"
                + " AND target_id = ?", Long.class, String.valueOf(draft.getId()))).isZero();
    }

    @Test
    void aDraftIsDeletedWith204AndARepeatedDeleteIsA204Too() throws Exception {
        Environment draft = environments.draft(team.getId(), "delete");
        mvc.perform(delete(base() + "/" + draft.getId()).with(bearer(operator))).andExpect(status().isNoContent());
        assertThat(environments.service().get(draft.getId()).getState()).isEqualTo(EnvironmentState.DELETED);

        mvc.perform(delete(base() + "/" + draft.getId()).with(bearer(operator))).andExpect(status().isNoContent());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'environment.deleted'"
                + " AND target_id = ?", Long.class, String.valueOf(draft.getId()))).isOne();
    }

    @Test
    void anArchivedTeamIsReadOnly() throws Exception {
        Environment draft = environments.draft(team.getId(), "archived");
        teams.archive(team.getId());
        mvc.perform(get(base() + "/" + draft.getId()).with(bearer(viewer))).andExpect(status().isOk());
        mvc.perform(json(patch(base() + "/" + draft.getId()).with(bearer(operator)), "{\"imageTag\":\"9\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("archived")));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() throws Exception {
        String name = TestData.unique("idem");
        String body = "{\"name\":\"" + name + "\",\"elevenLabsApiKey\":\"xi-12345678\"}";
        MockHttpServletResponse first = mvc.perform(json(post(base()).with(bearer(operator))
                        .header("Idempotency-Key", "create-" + name), body))
                .andExpect(status().isCreated()).andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andReturn().getResponse();

        mvc.perform(json(post(base()).with(bearer(operator)).header("Idempotency-Key", "create-" + name), body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Location", first.getHeader("Location")))
                .andExpect(content().json(first.getContentAsString(), org.springframework.test.json.JsonCompareMode.STRICT));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM environment WHERE name = ?", Long.class, name)).isOne();

        mvc.perform(json(post(base()).with(bearer(operator)).header("Idempotency-Key", "create-" + name),
                        body.replace(name, name + "-b")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        // another user's identical key is their own
        mvc.perform(json(post(base()).with(bearer(viewer)).header("Idempotency-Key", "create-" + name), body))
                .andExpect(status().isForbidden());
        // a request that failed stored nothing: the same key may be used again once it succeeds
        mvc.perform(json(post(base()).with(bearer(operator)).header("Idempotency-Key", "retry-" + name),
                "{\"name\":\"" + name + "-r\"}")).andExpect(status().isUnprocessableContent());
        mvc.perform(json(post(base()).with(bearer(operator)).header("Idempotency-Key", "retry-" + name),
                "{\"name\":\"" + name + "-r\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("elevenLabsApiKey"));
    }

    @Test
    void aRepeatWhileTheFirstRequestRunsIs409AndOldKeysExpire() throws Exception {
        String name = TestData.unique("running");
        String body = "{\"name\":\"" + name + "\",\"elevenLabsApiKey\":\"xi-12345678\"}";
        mvc.perform(json(post(base()).with(bearer(operator)).header("Idempotency-Key", "k-" + name), body))
                .andExpect(status().isCreated());
        long userId = jdbc.queryForObject("SELECT user_id FROM api_idempotency_key WHERE idem_key = ?", Long.class,
                "k-" + name);
        jdbc.update("UPDATE api_idempotency_key SET status = NULL WHERE idem_key = ?", "k-" + name);
        mvc.perform(json(post(base()).with(bearer(operator)).header("Idempotency-Key", "k-" + name), body))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:busy"))
                .andExpect(jsonPath("$.detail").value(containsString("still running")));

        jdbc.update("UPDATE api_idempotency_key SET created_at = now() - interval '25 hours' WHERE idem_key = ?",
                "k-" + name);
        mvc.perform(json(post(base()).with(bearer(operator)).header("Idempotency-Key", "k-" + name), body))
                .andExpect(status().isUnprocessableContent()) // ran again: the name is taken now
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        assertThat(jdbc.queryForList("SELECT user_id FROM api_idempotency_key WHERE idem_key = ?", "k-" + name))
                .isEmpty();
        assertThat(userId).isPositive();
        mvc.perform(json(post(base()).with(bearer(operator)).header("Idempotency-Key", "with space"), body))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void actionsTakeAnIdempotencyKeyToo() throws Exception {
        Environment draft = environments.draft(team.getId(), "idem-run");
        String one = base() + "/" + draft.getId();
        MockHttpServletResponse first = mvc.perform(post(one + "/provision").with(bearer(operator))
                .header("Idempotency-Key", "provision-" + draft.getId())).andExpect(status().isAccepted())
                .andReturn().getResponse();
        environments.awaitState(draft.getId(), EnvironmentState.READY);
        mvc.perform(post(one + "/provision").with(bearer(operator)).header("Idempotency-Key", "provision-" + draft.getId()))
                .andExpect(status().isAccepted()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Location", endsWith(first.getHeader("Location")
                        .substring(first.getHeader("Location").lastIndexOf('/')))));
        List<Map<String, Object>> operations = environments.operationStates(draft.getId());
        assertThat(operations).hasSize(1);
    }
}
