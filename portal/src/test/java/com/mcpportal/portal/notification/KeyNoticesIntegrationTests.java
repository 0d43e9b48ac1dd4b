package com.mcpportal.portal.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.IssueKeyCommand;
import com.mcpportal.portal.apikey.KeyRotation;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * API keys' notices through a generic webhook. Each channel says how many days ahead it hears of an expiring key: a key
 * expiring in 20 days reaches the channel that asked for 30 days, not the one on the portal's default (7 days); one
 * expiring in 5 days reaches both. A key the rotation policy rolled says its successor waits to be revealed.
 */
@PortalIntegrationTest
class KeyNoticesIntegrationTests {

    private static final WireMockServer HOOKS = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    JdbcTemplate jdbc;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    KeyExpiryNotices keyExpiry;

    @Autowired
    ApiKeyService keys;

    @Autowired
    KeyRotation rotation;

    @Test
    void aKeyReachesEachChannelWithinThatChannelsOwnWindow() throws Exception {
        UserAccount owner = data.user("window-owner");
        Team team = data.team("Window", owner);
        String early = "/window/" + team.getId() + "/early";
        String usual = "/window/" + team.getId() + "/usual";
        HOOKS.stubFor(post(urlEqualTo(early)).willReturn(aResponse().withStatus(204)));
        HOOKS.stubFor(post(urlEqualTo(usual)).willReturn(aResponse().withStatus(204)));
        // The owner asks for 30 days on one channel through the form, and leaves the other on the default.
        for (String[] channel : List.of(new String[] {"early", early, "30"}, new String[] {"usual", usual, ""})) {
            mvc.perform(MockMvcRequestBuilders.post("/teams/{t}/notifications", team.getId())
                            .with(user(TestData.principal(owner))).with(csrf()).param("kind", "WEBHOOK")
                            .param("name", channel[0]).param("url", HOOKS.baseUrl() + channel[1])
                            .param("secret", "window-signing-secret-0123456789").param("events", "KEY_EXPIRING")
                            .param("keyExpiryDays", channel[2]))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.queryForList("SELECT name || ' ' || coalesce(key_expiry_days::text, 'default')"
                + " FROM notification_channel WHERE team_id = ? ORDER BY name", String.class, team.getId()))
                .containsExactly("early 30", "usual default");
        keys.issue(team.getId(), new IssueKeyCommand("monthly-bot", Duration.ofDays(20), true, Set.of(), null));
        keys.issue(team.getId(), new IssueKeyCommand("weekly-bot", Duration.ofDays(5), true, Set.of(), null));

        keyExpiry.check();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dispatcher.dispatchDue();
            return headlines(early).size() == 2 && headlines(usual).size() == 1;
        });

        assertThat(headlines(early)).containsExactlyInAnyOrder("monthly-bot", "weekly-bot");
        assertThat(headlines(usual)).containsExactly("weekly-bot");
    }

    @Test
    void aKeyRolledByTheRotationPolicySaysItsSuccessorWaitsToBeRevealed() throws Exception {
        UserAccount owner = data.user("rotated-owner");
        Team team = data.team("Rotated", owner);
        String path = "/rotated/" + team.getId();
        HOOKS.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        mvc.perform(MockMvcRequestBuilders.post("/teams/{t}/notifications", team.getId())
                        .with(user(TestData.principal(owner))).with(csrf()).param("kind", "WEBHOOK")
                        .param("name", "keys").param("url", HOOKS.baseUrl() + path)
                        .param("secret", "rotated-signing-secret-0123456789").param("events", "KEY_ROTATED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(MockMvcRequestBuilders.post("/teams/{t}/api-keys/rotation", team.getId())
                        .with(user(TestData.principal(owner))).with(csrf()).param("everyDays", "30")
                        .param("grace", "ONE_DAY"))
                .andExpect(status().is3xxRedirection());
        keys.issue(team.getId(), new IssueKeyCommand("nightly-build", Duration.ofDays(90), true, Set.of(), null));
        // Given the key is 31 days old, due under the policy.
        jdbc.update("UPDATE api_key SET created_at = created_at - interval '31 days' WHERE team_id = ?", team.getId());

        rotation.rollDue(Instant.now());

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dispatcher.dispatchDue();
            return !HOOKS.findAll(postRequestedFor(urlEqualTo(path))).isEmpty();
        });
        JsonNode message = JSON.readTree(HOOKS.findAll(postRequestedFor(urlEqualTo(path))).get(0).getBodyAsString());
        String successor = jdbc.queryForObject("SELECT public_id FROM api_key WHERE team_id = ? AND rolled_from_id"
                + " IS NOT NULL", String.class, team.getId());
        assertThat(message.path("event").asString()).isEqualTo("key.rotated");
        assertThat(message.path("headline").asString()).isEqualTo("A rotated API key nightly-build waits to be revealed");
        assertThat(message.path("happened").asString()).contains("its successor (" + successor + ") waits")
                .contains("The old key works until ");
        assertThat(message.path("action").asString()).contains("reveals the new key (shown once)");
        assertThat(message.path("link").asString())
                .isEqualTo("https://portal.example.test/teams/" + team.getId() + "/api-keys#key-" + successor);
    }

    /** The keys the receiver was told of, from headlines such as "API key weekly-bot expires in 4 days". */
    private List<String> headlines(String path) {
        return HOOKS.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .map(request -> JSON.readTree(request.getBodyAsString()).path("headline").asString())
                .map(headline -> headline.replaceAll("^API key (\\S+) expires .*$", "$1")).toList();
    }
}
