package com.mcpportal.portal.api;

import com.mcpportal.portal.security.PortalUserPrincipal;

import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * How REST API tests authenticate, in one place. For now {@code /api/**} still goes through the
 * page chain (session user, CSRF token); once the personal access token chain is merged, {@link #as} issues a
 * token for the user and sends it as a bearer header, {@link #anonymous()} adds nothing and {@link #unauthenticated()}
 * expects 401 only.
 */
public final class ApiAuth {

    private ApiAuth() {
    }

    /** Authenticates the request as this user. */
    public static RequestPostProcessor as(PortalUserPrincipal user) {
        return request -> csrf().postProcessRequest(user(user).postProcessRequest(request));
    }

    /**
     * A request without credentials. It carries a CSRF token only so that, while the page chain still serves
     * {@code /api/**}, a PUT or POST reaches the authentication check instead of stopping at the CSRF filter.
     */
    public static RequestPostProcessor anonymous() {
        return csrf();
    }

    /**
     * A request without credentials is refused and gets no data: 401 from the API's own chain, or, until that chain
     * is merged, the page chain's redirect to the sign-in page.
     */
    public static ResultMatcher unauthenticated() {
        return result -> {
            int status = result.getResponse().getStatus();
            String location = String.valueOf(result.getResponse().getRedirectedUrl());
            assertThat(status == 401 || (status == 302 && location.endsWith("/login")))
                    .as("status %s (redirect %s) for a request without credentials", status, location).isTrue();
        };
    }
}
