package com.mcpportal.portal.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.mcpportal.portal.support.TestData;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real OpenID Connect provider ({@code mock-oauth2-server}, in-process on a free port, two issuers on it) and the
 * portal configured for it, shared by the sign-in test classes (one provider and one Spring context for all of them).
 * The authorization code flow is driven by an HTTP client that follows redirects and keeps cookies, as a browser
 * does. {@code staff} is a confidential client with the default username and groups claims and the administrator
 * group {@value #ADMIN_GROUP}; {@code contractors} a public client whose usernames are e-mail addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestData.class)
abstract class OidcProviderSupport {

    static final String ADMIN_GROUP = "portal-admins";

    /** Started once per test JVM, and stopped with it (the test classes sharing it run in any order). */
    static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.oidc.providers.staff.issuer-uri", () -> PROVIDER.issuerUrl("staff").toString());
        registry.add("portal.oidc.providers.staff.client-id", () -> "portal");
        registry.add("portal.oidc.providers.staff.client-secret", () -> "portal-secret");
        registry.add("portal.oidc.providers.staff.label", () -> "Staff SSO");
        registry.add("portal.oidc.providers.staff.admin-group", () -> ADMIN_GROUP);
        registry.add("portal.oidc.providers.contractors.issuer-uri",
                () -> PROVIDER.issuerUrl("contractors").toString());
        registry.add("portal.oidc.providers.contractors.client-id", () -> "portal-contractors");
        registry.add("portal.oidc.providers.contractors.username-claim", () -> "email");
        // Nothing listens on port 1: a provider that is down.
        registry.add("portal.oidc.providers.down.issuer-uri", () -> "http://127.0.0.1:1/realms/down");
        registry.add("portal.oidc.providers.down.client-id", () -> "portal");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** The whole flow in a fresh browser: the provider signs in {@code subject} with these claims. */
    HttpResponse<String> signInAs(String issuer, String subject, Map<String, Object> claims)
            throws IOException, InterruptedException {
        return signInAs(browser(), issuer, subject, claims);
    }

    /** The same in {@code browser}, which keeps the session for the calls that follow. */
    HttpResponse<String> signInAs(HttpClient browser, String issuer, String subject, Map<String, Object> claims)
            throws IOException, InterruptedException {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(issuer, subject, "JWT", null, claims));
        return browser.send(get("/oauth2/authorization/" + issuer), HttpResponse.BodyHandlers.ofString());
    }

    Long linkedAccount(String issuer, String subject) {
        return jdbc.queryForObject("SELECT user_id FROM user_external_identity WHERE issuer = ? AND subject = ?",
                Long.class, PROVIDER.issuerUrl(issuer).toString(), subject);
    }

    static HttpClient browser() {
        return browser(HttpClient.Redirect.NORMAL);
    }

    static HttpClient browser(HttpClient.Redirect redirects) {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(redirects).build();
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    }
}
