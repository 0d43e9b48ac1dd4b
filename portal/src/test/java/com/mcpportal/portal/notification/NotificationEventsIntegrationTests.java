package com.mcpportal.portal.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.IssueKeyCommand;
import com.mcpportal.portal.apikey.IssuedKey;
import com.mcpportal.portal.apikey.KeyFiles;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.HourlyRequests;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.drift.DriftCheck;
import com.mcpportal.portal.environment.operation.FailingSteps;
import com.mcpportal.portal.environment.traffic.ErrorRateCheck;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

/**
 * The event kinds beyond a failed operation and a crossed budget, each through a real channel (a generic webhook
 * received by WireMock, its JSON read as a receiver would): a schedule that could not stop an environment (told apart
 * from a manual failure), a failed provisioning that succeeded on retry, an expired API key, an environment's MCP
 * error rate flagged and cleared, drift found, and API keys that cannot be published to a server. Each says what happened, to what, why it matters, what to do, with a working link.
 * Repeats of one condition within the group window are one message, their count shown in the delivery list.
 */
@PortalIntegrationTest
class NotificationEventsIntegrationTests {

    private static final WireMockServer HOOKS = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "https://portal.example.test";

    static {
        HOOKS.start();
    }

    @AfterAll
    static void stop() {
        HOOKS.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationChannels channels;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    KeyExpiryNotices keyExpiry;

    @Autowired
    ApiKeyService keys;

    @Autowired
    ErrorRateCheck errorRates;

    @Autowired
    DriftCheck drift;

    private Team team;
    private UserAccount owner;
    private Environments environments;

    @BeforeEach
    void setUp() {
        owner = data.user("events-owner");
        team = data.team("Events", owner);
        environments = new Environments(context);
    }

    @Test
    void aScheduledStopThatFailsIsToldAsTheScheduleNotAsAManualFailure() throws Exception {
        Environment environment = environments.ready(team.getId(), "nightly");
        String schedules = hook("schedules", "SCHEDULE_FAILED");
        String failures = hook("failures", "OPERATION_FAILED");

        try (FailingSteps failing = FailingSteps.failNextStepOf(context, environment.getId())) {
            long operation = Environments.enqueued(environments.operations().requestStop(environment.getId(),
                    Actor.scheduler("window Mon–Fri 08:00–20:00 UTC closed")));
            environments.awaitOperation(operation, "FAILED");
        }

        JsonNode message = body(awaitRequests(schedules, 1).get(0));
        assertThat(message.path("event").asString()).isEqualTo("schedule.failed");
        assertThat(message.path("headline").asString()).isEqualTo("The schedule could not stop " + environment.getName());
        assertThat(message.path("happened").asString())
                .startsWith("The scheduled stop (window Mon–Fri 08:00–20:00 UTC closed) of environment "
                        + environment.getName())
                .contains("UnauthorizedOperation").contains("the schedule asked for it");
        assertThat(message.path("why").asString()).contains("keeps running, and billing, outside its hours");
        assertThat(message.path("action").asString()).contains("press Retry");
        assertThat(message.path("link").asString())
                .isEqualTo(BASE + "/teams/" + team.getId() + "/environments/" + environment.getId());
        dispatcher.dispatchDue();
        assertThat(HOOKS.findAll(postRequestedFor(urlEqualTo(failures)))).as("not a manual failure").isEmpty();
    }

    @Test
    void aFailedProvisioningThatSucceedsOnRetryIsFollowedByItsAllClear() throws Exception {
        String path = hook("ops", "OPERATION_FAILED", "OPERATION_RETRIED");
        Environment draft = environments.draft(team.getId(), "retried");

        try (FailingSteps failing = FailingSteps.failNextStepOf(context, draft.getId())) {
            long operation = Environments.enqueued(environments.operations().requestProvision(draft.getId(),
                    Actor.user(owner.getUsername())));
            environments.awaitOperation(operation, "FAILED");
            environments.operations().retry(draft.getId(), Actor.user(owner.getUsername()));
            environments.awaitOperation(operation, "SUCCEEDED");
        }
        // A success that closes no failure is not news.
        environments.ready(team.getId(), "plain");

        List<LoggedRequest> requests = awaitRequests(path, 2);
        assertThat(requests).extracting(request -> body(request).path("event").asString())
                .containsExactly("operation.failed", "operation.retried");
        JsonNode allClear = body(requests.get(1));
        assertThat(allClear.path("headline").asString()).isEqualTo("Provision of " + draft.getName()
                + " succeeded on retry");
        assertThat(allClear.path("happened").asString()).contains("which had failed, succeeded when retried (run 2)");
        assertThat(allClear.path("why").asString()).contains("The failure reported earlier is resolved");
        assertThat(allClear.path("link").asString())
                .isEqualTo(BASE + "/teams/" + team.getId() + "/environments/" + draft.getId());
        dispatcher.dispatchDue();
        HOOKS.verify(2, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void anApiKeyThatExpiredIsToldOnce() throws Exception {
        String path = hook("keys", "KEY_EXPIRED");
        IssuedKey key = keys.issue(team.getId(), new IssueKeyCommand("nightly-bot", Duration.ofDays(3), true, Set.of(),
                null));
        // Given the key ran out an hour ago, unrevoked and not rolled.
        Instant expired = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        jdbc.update("UPDATE api_key SET expires_at = ? WHERE id = ?", Timestamp.from(expired), key.key().id());

        keyExpiry.check();
        keyExpiry.check();

        JsonNode message = body(awaitRequests(path, 1).get(0));
        assertThat(message.path("event").asString()).isEqualTo("key.expired");
        assertThat(message.path("headline").asString()).isEqualTo("API key nightly-bot expired");
        assertThat(message.path("happened").asString()).contains(key.key().publicId()).contains(team.getName());
        assertThat(message.path("why").asString()).isEqualTo("MCP clients that still use it are refused.");
        assertThat(message.path("link").asString())
                .isEqualTo(BASE + "/teams/" + team.getId() + "/api-keys#key-" + key.key().publicId());
        dispatcher.dispatchDue();
        HOOKS.verify(1, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void anErrorRateFlaggedAndLaterClearedIsToldEachWay() throws Exception {
        Environment environment = environments.ready(team.getId(), "flaky");
        String path = hook("errors", "ERROR_RATE");
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(60);

        errorRates.record(environment, lastHours(now, 200, 40), now);
        errorRates.record(environment, lastHours(now, 200, 50), now.plusSeconds(300));
        JsonNode flagged = body(awaitRequests(path, 1).get(0));
        // Given the flag was told longer ago than the group window (1 h), the clearing is news of its own.
        jdbc.update("UPDATE notification_delivery SET created_at = created_at - interval '61 minutes'"
                + " WHERE team_id = ?", team.getId());
        errorRates.record(environment, lastHours(now, 200, 1), now.plusSeconds(600));

        assertThat(flagged.path("event").asString()).isEqualTo("error.rate");
        assertThat(flagged.path("headline").asString()).isEqualTo("High error rate on " + environment.getName());
        assertThat(flagged.path("happened").asString()).contains("20% of 400 MCP requests failed");
        assertThat(flagged.path("action").asString()).contains("request chart");
        assertThat(flagged.path("link").asString())
                .isEqualTo(BASE + "/teams/" + team.getId() + "/environments/" + environment.getId());
        List<LoggedRequest> requests = awaitRequests(path, 2);
        assertThat(body(requests.get(1)).path("headline").asString())
                .isEqualTo("The error rate of " + environment.getName() + " is back to normal");
        dispatcher.dispatchDue();
        HOOKS.verify(2, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void anErrorRateFlappingWithinTheGroupWindowIsOneMessageCountingTheRepeats() throws Exception {
        Environment environment = environments.ready(team.getId(), "flapping");
        Environment other = environments.ready(team.getId(), "steady");
        String path = hook("flaps", "ERROR_RATE");
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(60);

        // Flagged, cleared, flagged, cleared, flagged, cleared: six crossings in half an hour.
        for (int i = 0; i < 6; i++) {
            errorRates.record(environment, lastHours(now, 200, i % 2 == 0 ? 40 : 1), now.plusSeconds(300L * i));
        }
        // Another environment's flag is another condition: a message of its own.
        errorRates.record(other, lastHours(now, 200, 40), now);

        awaitRequests(path, 2);
        dispatcher.dispatchDue();
        assertThat(HOOKS.findAll(postRequestedFor(urlEqualTo(path)))).extracting(r -> body(r).path("headline")
                .asString()).containsExactlyInAnyOrder("High error rate on " + environment.getName(),
                "High error rate on " + other.getName());
        String page = mvc.perform(get("/teams/{t}/notifications", team.getId())
                        .with(user(TestData.principal(owner))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).containsOnlyOnce("and 5 more times (not sent again), the last at ")
                .contains(": The error rate of " + environment.getName() + " is back to normal");
    }

    @Test
    void driftFoundByTheCheckIsToldWithWhatDiffers() throws Exception {
        Environment environment = environments.ready(team.getId(), "drifting");
        String path = hook("drift", "DRIFT_FOUND");
        // Given someone stopped the NAT instance by hand, outside the portal.
        jdbc.update("UPDATE simulated_resource SET state = 'STOPPED' WHERE environment_id = ? AND component = ?",
                environment.getCloudId(), "nat-instance");

        drift.check(environment.getId());
        drift.check(environment.getId());

        JsonNode message = body(awaitRequests(path, 1).get(0));
        assertThat(message.path("event").asString()).isEqualTo("drift.found");
        assertThat(message.path("headline").asString()).isEqualTo("Drift found on " + environment.getName());
        assertThat(message.path("happened").asString())
                .contains("the NAT instance is stopped but should be running")
                .contains("Expected NAT running, service 1 task; the cloud reports NAT stopped");
        assertThat(message.path("action").asString()).contains("start or stop it from the portal");
        assertThat(message.path("link").asString())
                .isEqualTo(BASE + "/teams/" + team.getId() + "/environments/" + environment.getId());
        dispatcher.dispatchDue();
        HOOKS.verify(1, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aKeySetThatCannotBePublishedIsToldOnceForTheStreak() throws Exception {
        Environment environment = environments.ready(team.getId(), "keyless");
        String path = hook("keyset", "KEY_SET_FAILING");
        KeyFiles files = new KeyFiles(context);
        files.await(environment.getCloudId(), text -> text.equals(CloudProvider.EMPTY_KEY_SET),
                "published after provisioning");
        // Given a directory where the key file goes: the move into place fails, like a full or read-only disk.
        Path file = files.of(environment.getCloudId());
        Files.delete(file);
        Files.createDirectories(file.resolve("blocker"));
        try {
            keys.issue(team.getId(), new IssueKeyCommand("first", Duration.ofDays(30), true, Set.of(), null));
            keys.issue(team.getId(), new IssueKeyCommand("second", Duration.ofDays(30), true, Set.of(), null));

            JsonNode message = body(awaitRequests(path, 1).get(0));
            assertThat(message.path("event").asString()).isEqualTo("key.set.failing");
            assertThat(message.path("headline").asString()).isEqualTo("API keys cannot reach " + environment.getName());
            assertThat(message.path("why").asString()).contains("a new key is refused there");
            assertThat(message.path("link").asString())
                    .isEqualTo(BASE + "/teams/" + team.getId() + "/environments/" + environment.getId());
            dispatcher.dispatchDue();
            HOOKS.verify(1, postRequestedFor(urlEqualTo(path)));
        } finally {
            FileSystemUtils.deleteRecursively(file);
        }
    }

    /** A generic webhook channel of the team taking these events; returns the path its messages reach. */
    private String hook(String name, String... events) {
        String path = "/events/" + team.getId() + "/" + name;
        HOOKS.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        channels.create(team.getId(), new ChannelForm("WEBHOOK", name, null, HOOKS.baseUrl() + path,
                "events-signing-secret-0123456789", List.of(events)));
        return path;
    }

    private List<LoggedRequest> awaitRequests(String path, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dispatcher.dispatchDue();
            return HOOKS.findAll(postRequestedFor(urlEqualTo(path))).size() >= count;
        });
        return HOOKS.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static JsonNode body(LoggedRequest request) {
        return JSON.readTree(request.getBodyAsString());
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
}
