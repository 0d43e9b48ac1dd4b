package com.mcpportal.portal.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which client address the sign-in throttle (and the audit log, and the session list) sees, through the real
 * servlet container. By default it is the connection's peer: an {@code X-Forwarded-For} the client sends is ignored,
 * even on a platform where Spring Boot would otherwise trust forwarded headers (Kubernetes). Behind a proxy, the
 * operator switches them on and names the proxy; then its header is believed, and only from it.
 */
class ClientAddressIntegrationTests {

    private static final String SPOOFED = "198.51.100.203";

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "spring.main.cloud-platform=kubernetes")
    class ByDefault {

        @LocalServerPort
        int port;

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void aForwardedForHeaderFromTheClientIsIgnoredEvenOnKubernetes() throws Exception {
            String username = TestData.unique("spoofer");

            failSignIn(port, username, SPOOFED);

            assertThat(addressesThrottledFor(jdbc, username)).containsExactly("127.0.0.1");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"server.forward-headers-strategy=native",
                    "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"})
    class BehindATrustedProxy {

        @LocalServerPort
        int port;

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void theProxysForwardedForHeaderNamesTheClient() throws Exception {
            String username = TestData.unique("proxied");

            failSignIn(port, username, SPOOFED);

            assertThat(addressesThrottledFor(jdbc, username)).containsExactly(SPOOFED);
        }
    }

    /**
     * The addresses the wrong password of this (unique) username was counted for: the context is this test's own,
     * so its one failed sign-in is the only one.
     */
    private static List<String> addressesThrottledFor(JdbcTemplate jdbc, String username) {
        assertThat(jdbc.queryForList("SELECT client_ip FROM audit_event WHERE action = 'auth.sign-in' AND target_id = ?",
                String.class, username)).as("the audit log records the same address").hasSize(1);
        List<String> audited = jdbc.queryForList("SELECT client_ip FROM audit_event WHERE action = 'auth.sign-in'"
                + " AND target_id = ?", String.class, username);
        List<String> counted = jdbc.queryForList("SELECT key FROM sign_in_throttle WHERE kind = 'address'", String.class);
        assertThat(counted).as("addresses counted by the throttle").isEqualTo(audited);
        return counted;
    }

    /** Posts the real login form with a wrong password and the given X-Forwarded-For, as a browser would. */
    private static void failSignIn(int port, String username, String forwardedFor)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=wrong-password-1"
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).get().asString().contains("/login?error=bad-credentials");
    }
}
