package com.mcpportal.portal.isolation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.isolation.PortalRoutes.Route;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.SecretSearch;
import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * No secret shows anywhere but in the one answer that hands it over. A whole journey, with the portal's, Spring's
 * and Hibernate's logging at DEBUG: an administrator creates a user (one-time password), the user signs in, picks
 * their own password, mistypes it once, creates a team and environments with ElevenLabs keys (page and API), issues an
 * access token, MCP keys (page and API), adds a signed notification webhook, reads every page and API answer of
 * their team, and the administrator resets the password. Then every secret (passwords, ElevenLabs keys, MCP keys,
 * access tokens, webhook URLs and signing secrets, the portal's secret key) is looked for in every log line, every answer except the one that showed it, every text, JSON or binary column
 * (audit details included) and the published key files.
 */
@PortalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakIntegrationTests {

    private static final List<String> VERBOSE = List.of("com.mcpportal", "org.springframework.web",
            "org.springframework.security", "org.hibernate.SQL", "org.thymeleaf");
    private static final Pattern MCP_KEY = Pattern.compile("mcp_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("mcpp_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}");
    private static final Pattern ID_AT_END = Pattern.compile("/(\\d+)$");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Value("${portal.secret-key}")
    String secretKey;

    /** Every answer of the journey, as a person or a script would receive it (status, headers, body). */
    private final List<String> answers = new ArrayList<>();

    /** Each secret, and the index of the one answer allowed to show it (-1: none). */
    private final Map<String, Integer> secrets = new LinkedHashMap<>();

    @AfterEach
    void quiet() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        VERBOSE.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void noSecretShowsAnywhereButInTheOneAnswerThatHandsItOver(CapturedOutput output) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        VERBOSE.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
        PortalUserPrincipal admin = TestData.principal(data.admin());
        secret(secretKey, -1);
        secret(new String(Base64.getDecoder().decode(secretKey), StandardCharsets.ISO_8859_1), -1);
        secret(TestData.ADMIN_PASSWORD, -1);

        String username = TestData.unique("leak-alice");
        MvcResult created = perform(post("/admin/users").with(user(admin)).with(csrf()).param("username", username));
        String firstPassword = (String) created.getFlashMap().get("oneTimePassword");
        long aliceId = idAtEnd(created.getResponse().getRedirectedUrl());
        perform(get("/admin/users/{id}", aliceId).with(user(admin)).flashAttrs(created.getFlashMap()));
        secret(firstPassword, answers.size() - 1);

        MockHttpSession alice = signIn(username, firstPassword);
        String ownPassword = "alice-own-" + UUID.randomUUID();
        secret(ownPassword, -1);
        perform(post("/account/password").session(alice).with(csrf()).param("currentPassword", firstPassword)
                .param("newPassword", ownPassword).param("confirmPassword", ownPassword));
        String typo = ownPassword.replace('-', '_');
        secret(typo, -1);
        perform(post("/login").param("username", username).param("password", typo).with(csrf())
                .with(request -> { request.setRemoteAddr("198.51.100.160"); return request; }));

        long teamId = idAtEnd(perform(post("/teams").session(alice).with(csrf()).param("name",
                TestData.unique("Leak Team"))).getResponse().getRedirectedUrl());
        String pageElevenLabsKey = "xi-page-" + UUID.randomUUID();
        secret(pageElevenLabsKey, -1);
        long environmentId = idAtEnd(perform(post("/teams/{t}/environments", teamId).session(alice).with(csrf())
                .param("name", TestData.unique("leak-env")).param("cloudAccountId", simulatedAccount())
                .param("region", "eu-central-1").param("size", "256/512").param("architecture", "ARM64")
                .param("imageSource", "REPOSITORY").param("imageTag", "latest").param("natInstanceType", "t4g.nano")
                .param("logRetentionDays", "7").param("elevenLabsApiKey", pageElevenLabsKey))
                .getResponse().getRedirectedUrl());
        perform(post("/teams/{t}/environments/{e}/provision", teamId, environmentId).session(alice).with(csrf()));
        new Environments(context).awaitState(environmentId, EnvironmentState.READY);

        String token = shown(ACCESS_TOKEN, perform(post("/account/tokens").session(alice).with(csrf())
                .param("name", "leak journey").param("lifetimeDays", "30")
                .param("requestToken", UUID.randomUUID().toString())));
        String apiElevenLabsKey = "xi-api-" + UUID.randomUUID();
        secret(apiElevenLabsKey, -1);
        perform(api(post("/api/v1/teams/{t}/environments", teamId), token).content("""
                {"name":"%s","elevenLabsApiKey":"%s"}""".formatted(TestData.unique("leak-api-env"), apiElevenLabsKey)));
        shown(MCP_KEY, perform(api(post("/api/v1/teams/{t}/keys", teamId), token)
                .content("{\"name\":\"leak api key\",\"expiresInDays\":30,\"allEnvironments\":true}")));
        String pageKey = shown(MCP_KEY, perform(post("/teams/{t}/api-keys", teamId).session(alice).with(csrf())
                .param("name", "leak page key").param("lifetime", "30").param("scope", "all")
                .param("requestToken", UUID.randomUUID().toString())));

        // A generic webhook whose URL carries a token and whose signing secret are sealed, and a test message sent
        // to it (the dispatcher's failed attempt at a closed port is logged too).
        String hookToken = "hook-token-" + UUID.randomUUID();
        String signingSecret = "signing-" + UUID.randomUUID();
        secret(hookToken, -1);
        secret(signingSecret, -1);
        long channelId = idAtEnd(perform(post("/teams/{t}/notifications", teamId).session(alice).with(csrf())
                .param("kind", "WEBHOOK").param("name", "leak hook").param("url", "http://127.0.0.1:9/in/" + hookToken)
                .param("secret", signingSecret).param("events", "OPERATION_FAILED")).getResponse().getRedirectedUrl());
        perform(post("/teams/{t}/notifications/{c}/test", teamId, channelId).session(alice).with(csrf()));
        perform(post("/teams/{t}/notifications/{c}", teamId, channelId).session(alice).with(csrf())
                .param("name", "leak hook").param("url", "").param("secret", "").param("events", "BUDGET_CROSSED"));

        Map<String, String> variables = new HashMap<>(Map.of("teamId", Long.toString(teamId),
                "environmentId", Long.toString(environmentId), "userId", Long.toString(aliceId),
                "accountId", simulatedAccount(), "keyId", idOfKey(pageKey)));
        variables.put("channelId", Long.toString(channelId));
        variables.put("operationId", jdbc.queryForObject("SELECT max(id) FROM operation WHERE environment_id = ?",
                Long.class, environmentId).toString());
        variables.put("eventId", jdbc.queryForObject("SELECT max(id) FROM audit_event WHERE team_id = ?", Long.class,
                teamId).toString());
        variables.put("tokenId", jdbc.queryForObject("SELECT max(id) FROM personal_access_token WHERE user_id = ?",
                Long.class, aliceId).toString());
        variables.put("sessionId", jdbc.queryForObject("SELECT max(id) FROM portal_session WHERE user_id = ?",
                Long.class, aliceId).toString());
        String adminToken = new AccessTokensForTests(context).issue(data.admin());
        secret(adminToken, -1);
        for (Route route : PortalRoutes.of(handlerMapping)) {
            if (!route.get() || !variables.keySet().containsAll(route.variables())) {
                continue;
            }
            String uri = PortalRoutes.expand(route.pattern(), variables);
            boolean admins = route.pattern().startsWith("/admin") || route.pattern().startsWith("/api/v1/audit-events");
            perform(route.api() ? api(get(uri), admins ? adminToken : token)
                    : admins ? get(uri).with(user(admin)) : get(uri).session(alice));
        }

        MvcResult reset = perform(post("/admin/users/{id}/reset-password", aliceId).with(user(admin)).with(csrf()));
        perform(get("/admin/users/{id}", aliceId).with(user(admin)).flashAttrs(reset.getFlashMap()));
        secret((String) reset.getFlashMap().get("oneTimePassword"), answers.size() - 1);
        perform(get("/audit").param("zone", "UTC").param("size", "200").with(user(admin)));
        perform(api(get("/api/v1/audit-events").param("limit", "100"), adminToken));

        assertThat(output.getAll()).as("the captured logs are real").contains("POST", "/account/tokens");
        SecretSearch search = new SecretSearch(jdbc);
        Path keyFiles = Path.of(context.getEnvironment().getProperty("portal.keys.simulated-dir", "data/keys"));
        for (Map.Entry<String, Integer> secret : secrets.entrySet()) {
            for (String value : searchable(secret.getKey())) {
                if (secret.getValue() >= 0) {
                    assertThat(answers.get(secret.getValue())).as("the answer that hands the secret over").contains(value);
                }
                for (int answer = 0; answer < answers.size(); answer++) {
                    if (answer != secret.getValue()) {
                        assertThat(answers.get(answer)).as("answer %d", answer).doesNotContain(value);
                    }
                }
                assertThat(output.getAll()).as("the logs").doesNotContain(value);
                assertThat(search.columnsContaining(value)).as("columns holding a secret").isEmpty();
                assertThat(SecretSearch.filesContaining(keyFiles, value)).as("key files holding a secret").isEmpty();
            }
        }
        assertThat(answers).as("answers collected on the journey").hasSizeGreaterThan(60);
    }

    /** A secret, and the answer allowed to show it (-1: none). */
    private void secret(String value, int shownIn) {
        assertThat(value).as("a secret of the journey").isNotBlank();
        secrets.put(value, shownIn);
    }

    /** The secret itself, and for keys and tokens their secret part alone (what a log might cut out). */
    private static List<String> searchable(String secret) {
        if (MCP_KEY.matcher(secret).matches() || ACCESS_TOKEN.matcher(secret).matches()) {
            return List.of(secret, secret.substring(secret.lastIndexOf('_') + 1));
        }
        return List.of(secret);
    }

    /** The key or token the answer shows once: now a secret only that answer may show. */
    private String shown(Pattern pattern, MvcResult result) throws Exception {
        Matcher found = pattern.matcher(result.getResponse().getContentAsString());
        assertThat(found.find()).as("the answer shows the new secret").isTrue();
        secret(found.group(), answers.size() - 1);
        return found.group();
    }

    private MvcResult perform(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        MockHttpServletResponse response = result.getResponse();
        StringBuilder answer = new StringBuilder(result.getRequest().getMethod() + " "
                + result.getRequest().getRequestURI() + " -> " + response.getStatus() + "\n");
        response.getHeaderNames().forEach(name -> answer.append(name).append(": ")
                .append(response.getHeaders(name)).append('\n'));
        answers.add(answer.append(response.getContentAsString()).toString());
        return result;
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        MvcResult signedIn = perform(post("/login").param("username", username).param("password", password)
                .with(csrf()).with(request -> { request.setRemoteAddr("198.51.100.150"); return request; }));
        return (MockHttpSession) signedIn.getRequest().getSession(false);
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, String token) {
        return request.with(AccessTokensForTests.bearer(token)).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private String simulatedAccount() {
        return jdbc.queryForObject("SELECT min(id) FROM cloud_account WHERE mode = 'SIMULATED'", Long.class).toString();
    }

    private String idOfKey(String key) {
        return jdbc.queryForObject("SELECT id FROM api_key WHERE public_id = ?", Long.class,
                key.substring(4, 16)).toString();
    }

    private static long idAtEnd(String location) {
        Matcher id = ID_AT_END.matcher(String.valueOf(location));
        assertThat(id.find()).as("a redirect to the new thing's page, not %s", location).isTrue();
        return Long.parseLong(id.group(1));
    }
}
