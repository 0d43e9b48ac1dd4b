package com.mcpportal.portal.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.support.TestData;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
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
 * group {@value #ADMIN_GROUP}; {@code workforce} one whose provider shows its login page; {@code contractors} a public client whose usernames are e-mail addresses. The sign-in
 * form is for administrators only ({@code portal.auth.local-sign-in=admin-only}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestData.class)
abstract class OidcProviderSupport {

    static final String ADMIN_GROUP = "portal-admins";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** Tokens a test makes itself, answered by {@link #PROVIDER}'s token endpoints when queued. */
    static final PresetTokenAnswers TOKEN_ANSWERS = new PresetTokenAnswers();

    /** Started once per test JVM, and stopped with it (the test classes sharing it run in any order). */
    static final MockOAuth2Server PROVIDER = new MockOAuth2Server(new OAuth2Config(), TOKEN_ANSWERS);

    /** A second provider that shows its login page, where a person types who they are (for the browser test). */
    static final MockOAuth2Server INTERACTIVE = new MockOAuth2Server(new OAuth2Config(true));

    static {
        PROVIDER.start();
        INTERACTIVE.start();
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
        registry.add("portal.oidc.providers.workforce.issuer-uri", () -> INTERACTIVE.issuerUrl("workforce").toString());
        registry.add("portal.oidc.providers.workforce.client-id", () -> "portal-workforce");
        registry.add("portal.oidc.providers.workforce.client-secret", () -> "workforce-secret");
        registry.add("portal.oidc.providers.workforce.label", () -> "Workforce");
        // With providers, the form is the administrators' way in when the provider is down.
        registry.add("portal.auth.local-sign-in", () -> "admin-only");
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
        return browser(new CookieManager(), redirects);
    }

    /** A browser keeping {@code cookies}, which another one may share (one that stops at redirects, one that not). */
    static HttpClient browser(CookieManager cookies, HttpClient.Redirect redirects) {
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(redirects).build();
    }

    /** The sign-in form posted in {@code browser}, with the CSRF token of the login page it read first. */
    HttpResponse<String> signInWithPassword(HttpClient browser, String username, String password)
            throws IOException, InterruptedException {
        return postForm(browser, "/login", "/login", Map.of("username", username, "password", password));
    }

    /** A form posted as a browser does: with the CSRF token of {@code page}, which it reads first. */
    HttpResponse<String> postForm(HttpClient browser, String page, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder("_csrf=").append(csrfOf(
                browser.send(get(page), HttpResponse.BodyHandlers.ofString()).body()));
        fields.forEach((name, value) -> form.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token a page's forms carry. */
    static String csrfOf(String page) {
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return csrf.group(1);
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    }
}
