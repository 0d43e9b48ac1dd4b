package com.mcpportal.portal.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.util.HtmlUtils;

/**
 * RP-initiated logout for the sign-out form. Spring's handler answers the form's POST with a redirect to the
 * provider's {@code end_session_endpoint}, which browsers refuse under the portal's {@code form-action 'self'}
 * (a form's redirect to another origin counts as submitting the form there). So a provider's end-session address is
 * answered with a small page of our own that goes there by itself ({@code meta refresh}, a navigation, which
 * {@code form-action} does not cover) and links to it; a same-origin target is still a plain redirect.
 */
final class ProviderSignOut extends OidcClientInitiatedLogoutSuccessHandler {

    ProviderSignOut(ClientRegistrationRepository providers, String signedOut) {
        super(providers);
        setPostLogoutRedirectUri("{baseUrl}" + signedOut);
        setDefaultTargetUrl(signedOut);
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) throws IOException {
        String target = determineTargetUrl(request, response, authentication);
        URI uri = URI.create(target);
        if (!uri.isAbsolute()) {
            response.sendRedirect(request.getContextPath() + target);
            return;
        }
        String href = HtmlUtils.htmlEscape(target);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.getOutputStream().write(("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + href + "\">"
                + "<title>Signing out · MCP Portal</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
                + "/css/portal.css\"></head><body><main class=\"narrow\"><h1>Signing out</h1>"
                + "<p>You are signed out of the portal. Signing you out at your identity provider too…</p>"
                + "<p><a class=\"button\" id=\"provider-sign-out\" href=\"" + href + "\">Continue</a></p>"
                + "</main></body></html>\n").getBytes(StandardCharsets.UTF_8));
    }
}
