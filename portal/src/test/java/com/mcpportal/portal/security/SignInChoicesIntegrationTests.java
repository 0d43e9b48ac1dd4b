package com.mcpportal.portal.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page and sign-out when identity providers are configured: the form folded under the provider buttons and
 * kept for administrators ({@code portal.auth.local-sign-in=admin-only}), and signing out of a provider's session
 * at the provider too (RP-initiated logout).
 */
class SignInChoicesIntegrationTests extends OidcProviderSupport {

    @Autowired
    TestData data;

    @Test
    void theFormIsFoldedUnderTheProviderButtonsAndTakesOnlyAdministrators() throws Exception {
        String page = browser().send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("<details class=\"local-sign-in\"", "Administrator sign-in", "Sign in with Staff SSO");
        assertThat(page).doesNotContain("<details class=\"local-sign-in\" open");
        String engineer = data.user("local-engineer").getUsername();

        HttpResponse<String> refused = signInWithPassword(browser(), engineer, TestData.PASSWORD);

        assertThat(refused.uri().toString()).endsWith("/login?error=local-sign-in-off");
        assertThat(refused.body()).contains("portal passwords are only for administrators",
                "<details class=\"local-sign-in\" open");
        assertThat(jdbc.queryForObject("SELECT details->>'reason' FROM audit_event WHERE action = 'auth.sign-in'"
                + " AND outcome = 'FAILURE' AND details->>'username' = ?", String.class, engineer))
                .isEqualTo("local-sign-in-off");

        HttpResponse<String> admin = signInWithPassword(browser(), "admin", TestData.ADMIN_PASSWORD);

        assertThat(admin.uri().getPath()).isEqualTo("/teams");
    }

    @Test
    void signingOutOfAProvidersSessionEndsItAtTheProviderAndComesBackToTheLoginPage() throws Exception {
        HttpClient session = browser();
        signInAs(session, "staff", TestData.unique("staff-subject"),
                Map.of("preferred_username", TestData.unique("liam")));

        HttpResponse<String> signingOut = signOut(session);

        // A page of the portal's own that goes on to the provider: browsers refuse the sign-out form's redirect to
        // another origin under form-action 'self' (SsoBrowserIntegrationTests walks it in Chromium).
        assertThat(signingOut.uri().getPath()).isEqualTo("/logout");
        assertThat(signingOut.body()).contains("Signing you out at your identity provider",
                "<meta http-equiv=\"refresh\" content=\"0;url=" + PROVIDER.issuerUrl("staff") + "/endsession?");
        Matcher link = Pattern.compile("id=\"provider-sign-out\" href=\"([^\"]+)\"").matcher(signingOut.body());
        assertThat(link.find()).isTrue();
        URI atProvider = URI.create(HtmlUtils.htmlUnescape(link.group(1)));
        assertThat(atProvider.toString()).startsWith(PROVIDER.issuerUrl("staff") + "/endsession");
        assertThat(atProvider.getQuery()).contains("id_token_hint=", "post_logout_redirect_uri=http://localhost:"
                + port + "/login?signed-out");

        HttpResponse<String> back = session.send(HttpRequest.newBuilder(atProvider).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(back.uri().toString()).endsWith("/login?signed-out");
        assertThat(back.body()).contains("You are signed out.");
        assertThat(session.send(get("/teams"), HttpResponse.BodyHandlers.ofString()).uri().getPath())
                .isEqualTo("/login");
    }

    @Test
    void signingOutOfAPortalAccountStaysInThePortal() throws Exception {
        HttpClient session = browser();
        signInWithPassword(session, "admin", TestData.ADMIN_PASSWORD);

        HttpResponse<String> signedOut = signOut(session);

        assertThat(chain(signedOut)).extracting(response -> response.uri().getHost()).containsOnly("localhost");
        assertThat(signedOut.uri().toString()).endsWith("/login?signed-out");
    }

    private HttpResponse<String> signOut(HttpClient session) throws Exception {
        String page = session.send(get("/teams"), HttpResponse.BodyHandlers.ofString()).body();
        return session.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrfOf(page))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The response and the redirects that led to it, first to last. */
    private static List<HttpResponse<String>> chain(HttpResponse<String> last) {
        List<HttpResponse<String>> chain = new ArrayList<>();
        for (Optional<HttpResponse<String>> at = Optional.of(last); at.isPresent(); at = at.get().previousResponse()) {
            chain.add(0, at.get());
        }
        return chain;
    }
}
