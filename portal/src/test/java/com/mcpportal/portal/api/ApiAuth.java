package com.mcpportal.portal.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.security.PortalUserPrincipal;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How REST API tests authenticate, in one place: {@link #as} sends a real personal access token of the user (issued
 * once per user and application context through the token service), as a script would; {@link #anonymous()} sends
 * nothing; {@link #unauthenticated()} expects the API chain's 401.
 */
public final class ApiAuth {

    /** Tokens already issued, by application context and user id. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private ApiAuth() {
    }

    /** Authenticates the request as this user with a bearer token. */
    public static RequestPostProcessor as(PortalUserPrincipal user) {
        return request -> {
            ApplicationContext context = WebApplicationContextUtils
                    .getRequiredWebApplicationContext(request.getServletContext());
            String token = TOKENS.computeIfAbsent(context.getId() + "/" + System.identityHashCode(context) + "/"
                    + user.id(), key -> new AccessTokensForTests(context).issue(user.id()));
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    /** A request without credentials. */
    public static RequestPostProcessor anonymous() {
        return request -> request;
    }

    /** A request without credentials is refused with 401 and a bearer challenge, and gets no data. */
    public static ResultMatcher unauthenticated() {
        return result -> {
            assertThat(result.getResponse().getStatus()).as("status of a request without credentials").isEqualTo(401);
            assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
        };
    }
}
