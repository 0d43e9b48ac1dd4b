package com.mcpportal.portal.security;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponseKt;
import no.nav.security.mock.oauth2.http.Route;

/**
 * A route in front of the provider's token endpoints: while a test has queued an answer, the next token request is
 * answered with the tokens the test made instead of the provider's own (whose signing key a test cannot choose).
 * With nothing queued it matches nothing, and the provider answers as usual.
 */
final class PresetTokenAnswers implements Route {

    private final Queue<Tokens> answers = new ConcurrentLinkedQueue<>();

    /** The next token request gets these tokens, whatever code it brings. */
    void answerNextTokenRequestWith(SignedJWT idToken, SignedJWT accessToken) {
        answers.add(new Tokens(idToken, accessToken));
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return !answers.isEmpty() && "POST".equals(request.getMethod())
                && request.getUrl().encodedPath().endsWith("/token");
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        Tokens tokens = answers.remove();
        return OAuth2HttpResponseKt.json(Map.of("token_type", "Bearer", "expires_in", 3600,
                "id_token", tokens.idToken().serialize(), "access_token", tokens.accessToken().serialize()));
    }

    private record Tokens(SignedJWT idToken, SignedJWT accessToken) {
    }
}
