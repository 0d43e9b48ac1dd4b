package com.mcpportal.portal.api;

import com.mcpportal.portal.security.PortalUserPrincipal;

import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * How REST API tests authenticate, in one place. Until the bearer-token chain for {@code /api/**} is merged, API
 * requests go through the page chain: a session user plus a CSRF token. After the merge, {@link #as} sends a
 * personal access token of the user and {@link #anonymous} sends nothing, and {@link #unauthenticated} is 401 only.
 */
public final class ApiAuth {

    private ApiAuth() {
    }

    /** The request made by this user. */
    public static RequestPostProcessor as(PortalUserPrincipal principal) {
        RequestPostProcessor user = user(principal);
        RequestPostProcessor csrf = csrf();
        return request -> csrf.postProcessRequest(user.postProcessRequest(request));
    }

    /** The request made by nobody: no credentials (a CSRF token only, so the refusal is about authentication). */
    public static RequestPostProcessor anonymous() {
        return csrf();
    }

    /**
     * The answer to a request without credentials. The bearer chain answers 401; the page chain, which still
     * serves {@code /api/**} on this branch, redirects to the sign-in page. Either way nothing was done.
     */
    public static ResultMatcher unauthenticated() {
        return result -> {
            int status = result.getResponse().getStatus();
            String location = String.valueOf(result.getResponse().getRedirectedUrl());
            assertThat(status == 401 || (status == 302 && location.endsWith("/login")))
                    .as("an unauthenticated API request is refused (401, or the page chain's redirect to /login);"
                            + " got %s %s", status, location)
                    .isTrue();
        };
    }
}
