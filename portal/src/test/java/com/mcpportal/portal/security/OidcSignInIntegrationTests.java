package com.mcpportal.portal.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.user.UserAccountService;
import com.mcpportal.portal.web.InvalidInputException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing in with a real OpenID Connect provider ({@link OidcProviderSupport}): accounts, links and refusals. */
class OidcSignInIntegrationTests extends OidcProviderSupport {

    @Autowired
    UserAccountService users;

    @Autowired
    PortalUserDetailsService formAccounts;

    @Test
    void theLoginPageOffersEachProviderBesideTheLocalForm() throws Exception {
        String page = browser().send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(page).contains("Sign in with Staff SSO", "href=\"/oauth2/authorization/staff\"",
                "Sign in with contractors", "href=\"/oauth2/authorization/contractors\"", "name=\"password\"");
    }

    @Test
    void theFirstSignInCreatesAnAccountLinkedToIssuerAndSubjectAndTheNextOneReusesIt() throws Exception {
        String subject = TestData.unique("staff-subject");
        String username = TestData.unique("alice");

        HttpResponse<String> first = signInAs("staff", subject, Map.of("preferred_username", username,
                "email", username + "@example.com"));

        assertThat(first.uri().toString()).endsWith("/teams");
        assertThat(first.body()).contains(username);
        Long userId = linkedAccount("staff", subject);
        assertThat(jdbc.queryForObject("SELECT username FROM users WHERE id = ?", String.class, userId))
                .isEqualTo(username);
        assertThat(jdbc.queryForObject("SELECT details->>'provider' FROM audit_event WHERE action = 'user.created'"
                + " AND target_id = ?", String.class, userId.toString())).isEqualTo("staff");
        assertThat(jdbc.queryForList("SELECT details->>'provider' FROM audit_event WHERE action = 'auth.sign-in'"
                + " AND outcome = 'SUCCESS' AND actor = ?", String.class, username)).containsExactly("staff");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM portal_session WHERE user_id = ? AND ended_at IS NULL",
                Long.class, userId)).isOne();

        HttpResponse<String> second = signInAs("staff", subject, Map.of("preferred_username", username + "-renamed",
                "email", "new-" + username + "@example.com"));

        assertThat(second.uri().toString()).endsWith("/teams");
        assertThat(second.body()).contains(username);
        assertThat(linkedAccount("staff", subject)).isEqualTo(userId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE username LIKE ?", Long.class,
                username + "%")).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM portal_session WHERE user_id = ? AND ended_at IS NULL",
                Long.class, userId)).isEqualTo(2);
    }

    @Test
    void anotherProviderAssertingTheSameEmailGetsItsOwnAccountNotTheFirstOne() throws Exception {
        String username = TestData.unique("bob");
        String email = username + "@example.com";
        signInAs("staff", TestData.unique("staff-subject"), Map.of("preferred_username", username, "email", email));
        Long staffAccount = jdbc.queryForObject("SELECT id FROM users WHERE username = ?", Long.class, username);

        HttpResponse<String> contractor = signInAs("contractors", TestData.unique("contractor-subject"),
                Map.of("email", email, "preferred_username", username));

        assertThat(contractor.uri().toString()).endsWith("/teams");
        assertThat(contractor.body()).contains(email);
        Long contractorAccount = jdbc.queryForObject("SELECT id FROM users WHERE username = ?", Long.class, email);
        assertThat(contractorAccount).isNotEqualTo(staffAccount);
        assertThat(jdbc.queryForList("SELECT issuer FROM user_external_identity WHERE user_id = ?", String.class,
                staffAccount)).containsExactly(PROVIDER.issuerUrl("staff").toString());
    }

    @Test
    void aProviderWhoseUsernameNamesAnotherAccountIsRefusedAndTakesNothingOver() throws Exception {
        String email = TestData.unique("carol") + "@example.com";
        // Entra ID's preferred_username is the user principal name, an address.
        signInAs("staff", TestData.unique("staff-subject"), Map.of("preferred_username", email, "email", email));
        Long staffAccount = jdbc.queryForObject("SELECT id FROM users WHERE username = ?", Long.class, email);
        String contractorSubject = TestData.unique("contractor-subject");

        HttpResponse<String> refused = signInAs("contractors", contractorSubject, Map.of("email", email));

        assertThat(refused.uri().toString()).endsWith("/login?error=sso-username-taken");
        assertThat(refused.body()).contains("already belongs to another portal account");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_external_identity WHERE subject = ?", Long.class,
                contractorSubject)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_external_identity WHERE user_id = ?", Long.class,
                staffAccount)).isOne();
        assertThat(jdbc.queryForObject("SELECT details->>'reason' FROM audit_event WHERE action = 'auth.sign-in'"
                + " AND outcome = 'FAILURE' AND details->>'provider' = 'contractors' AND details->>'error' = ?",
                String.class, "sso-username-taken")).isEqualTo("sso-username-taken");
    }

    @Test
    void anAnswerWhoseStateMatchesNoSignInStartedHereIsRefused() throws Exception {
        HttpClient browser = browser(HttpClient.Redirect.NEVER);
        HttpResponse<Void> toProvider = browser.send(get("/oauth2/authorization/staff"),
                HttpResponse.BodyHandlers.discarding());
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(PROVIDER.issuerUrl("staff") + "/authorize")
                .contains("state=", "nonce=", "code_challenge=", "code_challenge_method=S256");

        HttpResponse<Void> forged = browser.send(get("/login/oauth2/code/staff?code=stolen-code&state=forged"),
                HttpResponse.BodyHandlers.discarding());

        assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=sso-failed");
        assertThat(browser.send(get("/teams"), HttpResponse.BodyHandlers.discarding()).headers()
                .firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(jdbc.queryForList("SELECT details->>'error' FROM audit_event WHERE action = 'auth.sign-in'"
                + " AND outcome = 'FAILURE' AND details->>'provider' = 'staff'", String.class))
                .contains("authorization_request_not_found");
    }

    @Test
    void anIdTokenThatIsExpiredOrForAnotherClientOrWithAnotherNonceIsRefusedWithAClearPage() throws Exception {
        String subject = TestData.unique("staff-subject");
        String username = TestData.unique("mallory");
        // The provider's claims are written over its defaults: aud and nonce replace the right ones.
        Map<String, DefaultOAuth2TokenCallback> forged = Map.of(
                "invalid_id_token (expired)", new DefaultOAuth2TokenCallback("staff", subject, "JWT", null,
                        Map.of("preferred_username", username), -3600),
                "invalid_id_token (audience)", new DefaultOAuth2TokenCallback("staff", subject, "JWT", null,
                        Map.of("preferred_username", username, "aud", "another-client")),
                "invalid_nonce", new DefaultOAuth2TokenCallback("staff", subject, "JWT", null,
                        Map.of("preferred_username", username, "nonce", "a-nonce-of-another-sign-in")));

        for (Map.Entry<String, DefaultOAuth2TokenCallback> token : forged.entrySet()) {
            PROVIDER.enqueueCallback(token.getValue());
            HttpResponse<String> refused = browser().send(get("/oauth2/authorization/staff"),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.uri().toString()).as(token.getKey()).endsWith("/login?error=sso-failed");
            assertThat(refused.body()).as(token.getKey()).contains("could not be verified");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_external_identity WHERE subject = ?", Long.class,
                subject)).isZero();
        assertThat(jdbc.queryForList("SELECT details->>'error' FROM audit_event WHERE action = 'auth.sign-in'"
                + " AND outcome = 'FAILURE' AND details->>'provider' = 'staff'", String.class))
                .contains("invalid_id_token", "invalid_nonce");
    }

    @Test
    void anIdTokenSignedByAnotherKeyIsRefusedWithAClearPageWhileTheSameClaimsSignedByTheProviderSignIn()
            throws Exception {
        String subject = TestData.unique("staff-subject");
        String username = TestData.unique("oscar");
        StartedSignIn signIn = startSignInWithStaff();
        SignedJWT rightlySigned = idTokenFromStaff(subject, username, signIn.nonce());
        // Every claim is right for this sign-in; only the signature is another key's (under the provider's key id).
        SignedJWT forged = new SignedJWT(rightlySigned.getHeader(), rightlySigned.getJWTClaimsSet());
        forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        TOKEN_ANSWERS.answerNextTokenRequestWith(forged, accessTokenFromStaff(subject));

        HttpResponse<String> refused = continueAtTheProvider(signIn);

        assertThat(refused.uri().toString()).endsWith("/login?error=sso-failed");
        assertThat(refused.body()).contains("could not be verified");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_external_identity WHERE subject = ?", Long.class,
                subject)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE username = ?", Long.class, username))
                .isZero();
        assertThat(browser(signIn.cookies(), HttpClient.Redirect.NORMAL).send(get("/teams"),
                HttpResponse.BodyHandlers.discarding()).uri().toString()).endsWith("/login");
        assertThat(jdbc.queryForList("SELECT details->>'error' FROM audit_event WHERE action = 'auth.sign-in'"
                + " AND outcome = 'FAILURE' AND details->>'provider' = 'staff'", String.class))
                .contains("invalid_id_token");

        // The same claims for the next sign-in (with its own nonce), signed by the provider's key, sign in: the
        // forged token was refused for its signature alone.
        StartedSignIn next = startSignInWithStaff();
        TOKEN_ANSWERS.answerNextTokenRequestWith(idTokenFromStaff(subject, username, next.nonce()),
                accessTokenFromStaff(subject));

        HttpResponse<String> signedIn = continueAtTheProvider(next);

        assertThat(signedIn.uri().toString()).endsWith("/teams");
        assertThat(signedIn.body()).contains(username);
        assertThat(linkedAccount("staff", subject)).isNotNull();
    }

    @Test
    void aProviderThatCannotBeReachedIsASentenceOnTheLoginPageAndTheFormStillWorks() throws Exception {
        HttpResponse<String> page = browser().send(get("/oauth2/authorization/down"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.uri().toString()).endsWith("/login?error=sso-unavailable");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("cannot be reached right now", "name=\"password\"");
        assertThat(jdbc.queryForList("SELECT details->>'reason' FROM audit_event WHERE action = 'auth.sign-in'"
                + " AND outcome = 'FAILURE' AND details->>'provider' = 'down'", String.class))
                .contains("sso-unavailable");
    }

    @Test
    void aPublicClientSendsAPkceChallengeToo() throws Exception {
        HttpResponse<Void> toProvider = browser(HttpClient.Redirect.NEVER).send(
                get("/oauth2/authorization/contractors"), HttpResponse.BodyHandlers.discarding());

        assertThat(toProvider.headers().firstValue("Location").orElseThrow())
                .contains("client_id=portal-contractors", "code_challenge=", "code_challenge_method=S256", "nonce=");
    }

    @Test
    void aDisabledAccountCannotSignInWithItsProvider() throws Exception {
        String subject = TestData.unique("staff-subject");
        String username = TestData.unique("dave");
        signInAs("staff", subject, Map.of("preferred_username", username));
        users.setEnabled(linkedAccount("staff", subject), false, "admin");

        HttpResponse<String> refused = signInAs("staff", subject, Map.of("preferred_username", username));

        assertThat(refused.uri().toString()).endsWith("/login?error=disabled");
        assertThat(refused.body()).contains("This account is disabled");
    }

    @Test
    void anAccountMadeByAProviderHasNoPasswordTheFormOrTheAccountPageWouldTake() throws Exception {
        String subject = TestData.unique("staff-subject");
        String username = TestData.unique("erin");
        signInAs("staff", subject, Map.of("preferred_username", username));
        long userId = linkedAccount("staff", subject);

        assertThatThrownBy(() -> formAccounts.loadUserByUsername(username))
                .isInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> users.changeOwnPassword(userId, "", "a-brand-new-password"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no portal password");
    }

    /** A sign-in with the staff provider started in a fresh browser, stopped at the provider's door. */
    private StartedSignIn startSignInWithStaff() throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        URI authorize = URI.create(browser(cookies, HttpClient.Redirect.NEVER)
                .send(get("/oauth2/authorization/staff"), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Location").orElseThrow());
        return new StartedSignIn(cookies, authorize,
                UriComponentsBuilder.fromUri(authorize).build().getQueryParams().getFirst("nonce"));
    }

    /** The browser goes on to the provider, which sends it back with a code; the page it lands on. */
    private HttpResponse<String> continueAtTheProvider(StartedSignIn signIn) throws IOException, InterruptedException {
        return browser(signIn.cookies(), HttpClient.Redirect.NORMAL)
                .send(HttpRequest.newBuilder(signIn.authorize()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The ID token the staff provider would send for this sign-in, signed by its own key. */
    private static SignedJWT idTokenFromStaff(String subject, String username, String nonce) {
        return PROVIDER.issueToken("staff", "portal", new DefaultOAuth2TokenCallback("staff", subject, "JWT",
                List.of("portal"), Map.of("nonce", nonce, "preferred_username", username), 3600));
    }

    private static SignedJWT accessTokenFromStaff(String subject) {
        return PROVIDER.issueToken("staff", "portal", new DefaultOAuth2TokenCallback("staff", subject));
    }

    private record StartedSignIn(CookieManager cookies, URI authorize, String nonce) {
    }
}
