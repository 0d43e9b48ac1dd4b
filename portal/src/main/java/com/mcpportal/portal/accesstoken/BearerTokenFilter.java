package com.mcpportal.portal.accesstoken;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.mcpportal.portal.api.ApiProblems;
import com.mcpportal.portal.security.PortalUserPrincipal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an API request in from {@code Authorization: Bearer <personal access token>}. A request without the header
 * goes on unauthenticated (the chain then answers 401, unless a test signed it in); a header that is not a live
 * token is answered 401 here, before anything else runs.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AccessTokens tokens;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(AccessTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            entryPoint.commence(request, response, new BadCredentialsException(
                    "Send a personal access token as Authorization: Bearer mcpp_…"));
            return;
        }
        Optional<AccessTokens.TokenUser> found = tokens.authenticate(header.substring(BEARER.length()).trim());
        if (found.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException(
                    "The access token is malformed, unknown, expired or revoked."));
            return;
        }
        if (found.get().mustChangePassword()) {
            ApiProblems.write(response, HttpStatus.FORBIDDEN, "password-change-required", "Password change required",
                    "Your account must change its password in the portal (Your account → Password) first; "
                            + "your access tokens work again after that.");
            return;
        }
        if (found.get().signInTooOld()) {
            ApiProblems.write(response, HttpStatus.UNAUTHORIZED, "sign-in-required", "Sign in to the portal again",
                    "Your account signs in with your identity provider, and its access tokens work only while"
                            + " its last sign-in to the portal is recent enough. Sign in to the portal once;"
                            + " your tokens work again after that.");
            return;
        }
        PortalUserPrincipal user = found.get().principal();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
