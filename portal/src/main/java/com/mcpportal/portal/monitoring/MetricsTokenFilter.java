package com.mcpportal.portal.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/** Lets a request with {@code Authorization: Bearer <portal.metrics.token>} in as the metrics scraper. */
final class MetricsTokenFilter extends OncePerRequestFilter {

    static final String SCRAPER = "METRICS_SCRAPER";
    private static final String BEARER = "Bearer ";

    private final byte @Nullable [] expectedDigest;

    /** @param token the configured token, or null when scraping is disabled (nobody gets in) */
    MetricsTokenFilter(@Nullable String token) {
        this.expectedDigest = token == null ? null : digest(token);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (expectedDigest != null && header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                // Comparing digests keeps the time independent of where, or whether, the strings differ.
                && MessageDigest.isEqual(expectedDigest, digest(header.substring(BEARER.length()).trim()))) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new PreAuthenticatedAuthenticationToken("metrics-scraper", "n/a",
                    List.of(new SimpleGrantedAuthority(SCRAPER))));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
