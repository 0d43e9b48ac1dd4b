package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.auth.ApiKeyAuthenticator;
import com.mcpportal.mcpserver.auth.Cidr;
import com.mcpportal.mcpserver.auth.ClientAddresses;
import com.mcpportal.mcpserver.auth.FailureThrottle;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who may reach the MCP endpoints: address allowlist (403), failure throttling (429), then the
 * API key (401, or 503 while the key set is stale). {@code /health} stays open for load balancers
 * and container checks.
 */
final class AccessFilter implements Filter {

    private static final String REALM = "Bearer realm=\"mcp-server\"";

    private final ClientAddresses addresses;
    private final List<Cidr> allowedCidrs;
    private final FailureThrottle throttle;
    private final @Nullable ApiKeyAuthenticator authenticator;
    private final String retryAfterReload;

    /**
     * @param authenticator {@code null} when authentication is disabled
     * @param reloadPeriod  how often the key set is re-read: when to try again while it is stale
     */
    AccessFilter(ClientAddresses addresses, List<Cidr> allowedCidrs, FailureThrottle throttle,
            @Nullable ApiKeyAuthenticator authenticator, Duration reloadPeriod) {
        this.addresses = addresses;
        this.allowedCidrs = List.copyOf(allowedCidrs);
        this.throttle = throttle;
        this.authenticator = authenticator;
        this.retryAfterReload = Long.toString(Math.max(1, reloadPeriod.toSeconds()));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (HttpServer.HEALTH_PATH.equals(RouteFilter.endpoint(request))) {
            chain.doFilter(req, res);
            return;
        }
        RequestRecord record = (RequestRecord) request.getAttribute(RequestRecord.ATTRIBUTE);
        String client = addresses.resolve(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
        record.client = client;
        if (!allowedCidrs.isEmpty()) {
            InetAddress address = Cidr.literal(client);
            if (address == null || !Cidr.anyContains(allowedCidrs, address)) {
                JsonErrors.write(response, 403, JsonErrors.SERVER_ERROR,
                        "Requests from this address are not allowed", null);
                return;
            }
        }
        if (authenticator == null) {
            chain.doFilter(req, res);
            return;
        }
        long retryAfter = throttle.retryAfterSeconds(client);
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
            JsonErrors.write(response, 429, JsonErrors.SERVER_ERROR,
                    "Too many failed authentication attempts; retry after " + retryAfter + " s", null);
            return;
        }
        String presented = presentedKey(request);
        ApiKeyAuthenticator.Decision decision = authenticator.authenticate(presented);
        if (decision.unavailable()) {
            // The key set is stale: the server's failure (503, counted in Errors), not the client's.
            response.setHeader("Retry-After", retryAfterReload);
            JsonErrors.write(response, 503, JsonErrors.SERVER_ERROR, refusal(decision), null);
            return;
        }
        if (!decision.accepted()) {
            throttle.recordFailure(client);
            response.setHeader("WWW-Authenticate", presented == null ? REALM
                    : REALM + ", error=\"invalid_token\"");
            JsonErrors.write(response, 401, JsonErrors.SERVER_ERROR, refusal(decision), null);
            return;
        }
        record.keyId = decision.keyId();
        chain.doFilter(req, res);
    }

    /** A refused decision always says why. */
    private static String refusal(ApiKeyAuthenticator.Decision decision) {
        return Objects.requireNonNull(decision.problem(), "a refusal without a problem");
    }

    private static @Nullable String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        String apiKey = request.getHeader("X-API-Key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }
}
