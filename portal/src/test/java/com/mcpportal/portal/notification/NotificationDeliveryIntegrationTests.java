package com.mcpportal.portal.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.IssueKeyCommand;
import com.mcpportal.portal.apikey.IssuedKey;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.FailingSteps;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Notifications end to end on the real database, with a real SMTP server (GreenMail) and WireMock standing in for
 * Slack, Teams and a receiver of the generic webhook: a failed provisioning, a crossed budget and an expiring key each
 * reach their channel in the receiver's documented format with a working link; a 500 is retried and the message
 * delivered once; a channel that times out delays no other and is marked failing.
 */
@PortalIntegrationTest
class NotificationDeliveryIntegrationTests {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final WireMockServer HOOKS = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "https://portal.example.test";

    static {
        SMTP.start();
        HOOKS.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        HOOKS.stop();
        SMTP.stop();
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

    private UserAccount owner;
    private Team team;

    @BeforeEach
    void setUp() {
        owner = data.user("notify-owner");
        team = data.team("Notify", owner);
        // SMTP is set up here, so the team got its owners' e-mail channel (NotificationOwnersIntegrationTests): the
        // tests below count the messages of the channels they set up themselves.
        jdbc.update("DELETE FROM notification_channel WHERE team_id = ?", team.getId());
    }

    @Test
    void aFailedProvisioningReachesSlackAsBlocksWithWhatToDoAndALinkToTheEnvironment() throws Exception {
        String path = "/slack/" + team.getId();
        HOOKS.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("ok")));
        channel(ChannelKind.SLACK, "#payments-alerts", path, null, null);
        Environments environments = new Environments(context);
        Environment draft = environments.draft(team.getId(), "payments");

        try (FailingSteps failing = FailingSteps.failNextStepOf(context, draft.getId())) {
            environments.operations().requestProvision(draft.getId(), Actor.user(owner.getUsername()));
            // Given no help from the test, the clustered dispatch job sends it within a minute.
            List<LoggedRequest> requests = awaitRequests(path, 1, false);

            JsonNode slack = JSON.readTree(requests.get(0).getBodyAsString());
            assertThat(slack.path("text").asString()).isEqualTo("Provision of " + draft.getName() + " failed");
            assertThat(slack.path("blocks").get(0).path("type").asString()).isEqualTo("header");
            String section = slack.path("blocks").get(1).path("text").path("text").asString();
            assertThat(section).contains("*What happened:* Provision of environment " + draft.getName())
                    .contains("UnauthorizedOperation").contains("*Why it matters:*")
                    .contains("*What to do:*").contains("press Retry");
            JsonNode button = slack.path("blocks").get(2).path("elements").get(0);
            assertThat(button.path("type").asString()).isEqualTo("button");
            assertThat(button.path("url").asString())
                    .isEqualTo(BASE + "/teams/" + team.getId() + "/environments/" + draft.getId());
            // the link opens the environment's page, where its Retry button is
            assertThat(opens(button.path("url").asString())).contains("/environments/" + draft.getId() + "/retry");
            assertThat(requests.get(0).getHeader("Content-Type")).startsWith("application/json");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries().equals(List.of("OPERATION_FAILED SENT 1")));
    }

    @Test
    void aCrossedBudgetReachesTeamsAsAnAdaptiveCardWithTheForecast() throws Exception {
        String path = "/teams-workflow/" + team.getId();
        HOOKS.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(202)));
        channel(ChannelKind.TEAMS, "Payments channel", path, null, null);
        new Environments(context).ready(team.getId(), "billed");

        mvc.perform(MockMvcRequestBuilders.post("/teams/{t}/costs/budget", team.getId()).with(user(TestData.principal(owner)))
                        .with(csrf()).param("monthlyBudget", "0.01"))
                .andExpect(status().is3xxRedirection());
        List<LoggedRequest> requests = awaitRequests(path, 1, true);

        JsonNode teams = JSON.readTree(requests.get(0).getBodyAsString());
        assertThat(teams.path("type").asString()).isEqualTo("message");
        JsonNode attachment = teams.path("attachments").get(0);
        assertThat(attachment.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.path("body").get(0).path("text").asString())
                .isEqualTo("Team " + team.getName() + " is over its monthly budget");
        assertThat(card.path("body").get(1).path("facts").get(0).path("value").asString())
                .contains("above its budget of $0.01");
        JsonNode open = card.path("actions").get(0);
        assertThat(open.path("type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(open.path("url").asString()).isEqualTo(BASE + "/teams/" + team.getId() + "/costs");
        assertThat(opens(open.path("url").asString())).contains("Over budget: this team's estimated bill");
    }

    @Test
    void anExpiringKeyReachesTheGenericWebhookOnceSignedOverTimestampAndBody() throws Exception {
        String path = "/hook/" + team.getId();
        String secret = "whsec-" + team.getId() + "-0123456789abcdef";
        HOOKS.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        channel(ChannelKind.WEBHOOK, "Ops webhook", path, secret, List.of("KEY_EXPIRING"));
        IssuedKey key = keys.issue(team.getId(), new IssueKeyCommand("ci-bot", Duration.ofDays(3), true, Set.of(), null));

        keyExpiry.check();
        keyExpiry.check(); // the check runs hourly: one message per key and expiry, however often
        List<LoggedRequest> requests = awaitRequests(path, 1, true);

        LoggedRequest request = requests.get(0);
        String timestamp = request.getHeader("X-Portal-Timestamp");
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(120);
        assertThat(request.getHeader("X-Portal-Signature"))
                .isEqualTo("sha256=" + hmacSha256(secret, timestamp + "." + request.getBodyAsString()));
        assertThat(request.getHeader("X-Portal-Event")).isEqualTo("key.expiring");
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.path("event").asString()).isEqualTo("key.expiring");
        assertThat(body.path("teamId").asLong()).isEqualTo(team.getId());
        assertThat(body.path("headline").asString()).startsWith("API key ci-bot expires in ");
        assertThat(body.path("link").asString())
                .isEqualTo(BASE + "/teams/" + team.getId() + "/api-keys#key-" + key.key().publicId());
        // the link's anchor is the key's row on the page
        assertThat(opens(body.path("link").asString())).contains("id=\"key-" + key.key().publicId() + "\"");
        dispatcher.dispatchDue();
        HOOKS.verify(1, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void anEmailReachesEachRecipientThroughSmtpWithSubjectAndLink() throws Exception {
        Channel channel = channel(ChannelKind.EMAIL, "On-call e-mail", null, null, null,
                "oncall-" + team.getId() + "@example.com, lead-" + team.getId() + "@example.com");

        mvc.perform(MockMvcRequestBuilders.post("/teams/{t}/notifications/{c}/test", team.getId(), channel.id())
                        .with(user(TestData.principal(owner))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(60)).until(() -> received(channel).size() == 2);

        MimeMessage mail = received(channel).get(0);
        assertThat(mail.getSubject()).isEqualTo("[MCP Portal] Test message from the MCP Portal");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("mcp-portal@localhost");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("oncall-" + team.getId() + "@example.com", "lead-" + team.getId() + "@example.com");
        String text = GreenMailUtil.getBody(mail);
        assertThat(text).contains(owner.getUsername() + " sent a test message")
                .contains("Open in the portal: " + BASE + "/teams/" + team.getId() + "/notifications/" + channel.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries().equals(List.of("TEST SENT 1")));
    }

    @Test
    void aServerErrorIsRetriedAndTheMessageDeliveredOnce() throws Exception {
        String path = "/flaky/" + team.getId();
        HOOKS.stubFor(post(urlEqualTo(path)).inScenario("flaky-" + team.getId())
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("upstream hiccup")).willSetStateTo("healthy"));
        HOOKS.stubFor(post(urlEqualTo(path)).inScenario("flaky-" + team.getId())
                .whenScenarioStateIs("healthy").willReturn(aResponse().withStatus(200).withBody("ok")));
        Channel channel = channel(ChannelKind.SLACK, "#flaky", path, null, null);

        channels.sendTest(team.getId(), channel.id());
        awaitRequests(path, 2, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries().equals(List.of("TEST SENT 2")));

        dispatcher.dispatchDue();
        HOOKS.verify(2, postRequestedFor(urlEqualTo(path)));
        assertThat(channels.get(team.getId(), channel.id()).failing()).isFalse();
    }

    @Test
    void aChannelThatTimesOutDelaysNoOtherIsMarkedFailingAfterThreeAttemptsAndWorksAgainWhenItAnswers() throws Exception {
        String slowPath = "/slow/" + team.getId();
        String fastPath = "/fast/" + team.getId();
        HOOKS.stubFor(post(urlEqualTo(slowPath)).willReturn(aResponse().withStatus(200).withFixedDelay(6_000)));
        HOOKS.stubFor(post(urlEqualTo(fastPath)).willReturn(aResponse().withStatus(200)));
        Channel slow = channel(ChannelKind.SLACK, "#slow", slowPath, null, null);
        Channel fast = channel(ChannelKind.SLACK, "#fast", fastPath, null, null);
        channels.sendTest(team.getId(), slow.id());
        channels.sendTest(team.getId(), fast.id());

        // When a dispatch holds the slow channel's message for its whole 3 s timeout,
        Thread running = new Thread(dispatcher::dispatchDue);
        running.start();
        // then the fast channel's message is through long before.
        await().atMost(Duration.ofMillis(2_500)).until(() -> HOOKS.findAll(postRequestedFor(urlEqualTo(fastPath))).size() == 1);
        running.join();

        await().atMost(Duration.ofSeconds(60)).until(() -> channels.get(team.getId(), slow.id()).failing());
        Channel failing = channels.get(team.getId(), slow.id());
        assertThat(failing.consecutiveFailures()).isEqualTo(3);
        assertThat(failing.lastError()).isEqualTo("No answer from " + HOOKS.baseUrl() + " within 3 s");
        assertThat(jdbc.queryForList("SELECT action || ' by ' || actor FROM audit_event WHERE team_id = ?"
                + " AND action = 'notification.channel.failing'", String.class, team.getId()))
                .containsExactly("notification.channel.failing by system");
        assertThat(channels.get(team.getId(), fast.id()).failing()).isFalse();
        HOOKS.verify(1, postRequestedFor(urlEqualTo(fastPath)));

        // When the slow receiver answers in time again, then the waiting message gets through and the channel works
        HOOKS.stubFor(post(urlEqualTo(slowPath)).willReturn(aResponse().withStatus(200)));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dispatcher.dispatchDue();
            return !channels.get(team.getId(), slow.id()).failing();
        });
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE team_id = ? AND action IN"
                + " ('notification.channel.failing', 'notification.channel.recovered') ORDER BY id", String.class,
                team.getId()))
                .containsExactly("notification.channel.failing", "notification.channel.recovered");
    }

    private Channel channel(ChannelKind kind, String name, String path, String secret, List<String> events) {
        return channel(kind, name, path, secret, events, null);
    }

    private Channel channel(ChannelKind kind, String name, String path, String secret, List<String> events,
                            String recipients) {
        return channels.create(team.getId(), new ChannelForm(kind.name(), name, recipients,
                path == null ? null : HOOKS.baseUrl() + path, secret,
                events == null ? NoticeKind.defaults().stream().map(Enum::name).toList() : events));
    }

    /** The page a message links to, as the team's owner opens it (the portal's address stripped): it must answer 200. */
    private String opens(String link) throws Exception {
        assertThat(link).startsWith(BASE + "/");
        String path = link.substring(BASE.length()).replaceFirst("#.*$", "");
        return mvc.perform(MockMvcRequestBuilders.get(path).with(user(TestData.principal(owner))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Waits for the receiver to get {@code count} requests, sending due messages too when {@code help} is true. */
    private List<LoggedRequest> awaitRequests(String path, int count, boolean help) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (help) {
                dispatcher.dispatchDue();
            }
            return HOOKS.findAll(postRequestedFor(urlEqualTo(path))).size() >= count;
        });
        return HOOKS.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private List<MimeMessage> received(Channel channel) throws Exception {
        dispatcher.dispatchDue();
        return List.of(SMTP.getReceivedMessages()).stream().filter(mail -> {
            try {
                return mail.getSubject() != null && GreenMailUtil.getBody(mail).contains("/notifications/" + channel.id());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private List<String> deliveries() {
        return jdbc.queryForList("SELECT event_kind || ' ' || state || ' ' || attempts FROM notification_delivery"
                + " WHERE team_id = ? ORDER BY id", String.class, team.getId());
    }

    /** The signature as a receiver computes it, with the JDK alone. */
    private static String hmacSha256(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
