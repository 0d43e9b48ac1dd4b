package com.mcpportal.portal.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Audits every sign-in (with the form or an identity provider), failed sign-in and sign-out, feeds the throttle, and records each new session so its owner
 * can see and end it. Passwords are never recorded.
 */
@Component
class SignInHandlers extends SavedRequestAwareAuthenticationSuccessHandler
        implements AuthenticationFailureHandler, LogoutHandler, LogoutSuccessHandler {

    static final int MAX_AUDITED_USERNAME = 100;

    private static final String SIGNED_OUT = "/login?signed-out";

    private static final Logger log = LoggerFactory.getLogger(SignInHandlers.class);

    private final AuditLog auditLog;
    private final SignInThrottle throttle;
    private final PortalSessions sessions;
    private final ProviderSignOut providerSignOut;
    private final OidcClientRegistrations providers;

    SignInHandlers(AuditLog auditLog, SignInThrottle throttle, PortalSessions sessions,
                   OidcClientRegistrations providers) {
        this.auditLog = auditLog;
        this.throttle = throttle;
        this.sessions = sessions;
        this.providers = providers;
        setDefaultTargetUrl("/teams");
        // RP-initiated logout: the provider's end_session_endpoint (from its discovery document) ends the session
        // there too and sends the browser back to the login page; a provider without one: straight to the page.
        this.providerSignOut = new ProviderSignOut(providers, SIGNED_OUT);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        throttle.succeeded(authentication.getName());
        Long session = authentication.getPrincipal() instanceof PortalUserPrincipal user
                ? sessions.started(user.id(), request) : null;
        AuditEntry signedIn = AuditEntry.success("auth.sign-in").actor(authentication.getName())
                .target("user", authentication.getName()).detail("session", session);
        auditLog.record(authentication instanceof OAuth2AuthenticationToken oidc
                ? signedIn.detail("provider", oidc.getAuthorizedClientRegistrationId()) : signedIn);
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        boolean starting = request.getRequestURI().startsWith(request.getContextPath() + "/oauth2/authorization/");
        if (starting && !providers.knows(providerOf(request))) {
            // No such provider (never was, or an administrator deleted it): just the login page, nothing to report.
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        SignInOutcome outcome = starting ? SignInOutcome.SSO_UNAVAILABLE : SignInOutcome.of(failure);
        String attempted = truncate(request.getParameter("username"));
        AuditEntry failed = AuditEntry.failure("auth.sign-in").actor("anonymous").target("user", attempted)
                .detail("username", attempted).detail("reason", outcome.code);
        if (failure instanceof OAuth2AuthenticationException oidc) {
            // Spring's code says which check refused the answer (authorization_request_not_found: a wrong state).
            failed = failed.detail("provider", providerOf(request)).detail("error", oidc.getError().getErrorCode());
        }
        else if (starting) {
            failed = failed.detail("provider", providerOf(request));
            log.warn("Sign-in with provider {} could not start: {}", providerOf(request),
                    failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage());
        }
        auditLog.record(failed);
        String wait = failure instanceof SignInThrottledException throttled
                ? "&wait=" + Math.max(1, (throttled.waitTime().toMillis() + 999) / 1000) : "";
        response.sendRedirect(request.getContextPath() + "/login?error=" + outcome.code + wait);
    }

    /** Before the session is invalidated: its row ends too. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        Long session = PortalSessions.idOf(request.getSession(false));
        if (session != null) {
            sessions.ended(session, "signed-out");
        }
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) throws IOException, ServletException {
        if (authentication instanceof OAuth2AuthenticationToken oidc) {
            auditLog.record(AuditEntry.success("auth.sign-out").actor(authentication.getName())
                    .target("user", authentication.getName())
                    .detail("provider", oidc.getAuthorizedClientRegistrationId()));
            providerSignOut.onLogoutSuccess(request, response, authentication);
            return;
        }
        if (authentication != null) {
            auditLog.record(AuditEntry.success("auth.sign-out").actor(authentication.getName())
                    .target("user", authentication.getName()));
        }
        response.sendRedirect(request.getContextPath() + SIGNED_OUT);
    }

    /** The provider whose answer this is: the last segment of {@code /login/oauth2/code/<id>}. */
    private static String providerOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        return truncate(path.substring(path.lastIndexOf('/') + 1));
    }

    private static String truncate(String username) {
        String value = username == null ? "" : username.trim();
        return value.length() <= MAX_AUDITED_USERNAME ? value : value.substring(0, MAX_AUDITED_USERNAME);
    }
}
