package com.mcpportal.portal.accesstoken;

import com.mcpportal.portal.user.UserAccount;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issues real personal access tokens through the service, for API tests in any package. */
public final class AccessTokensForTests {

    private final ApplicationContext context;

    public AccessTokensForTests(ApplicationContext context) {
        this.context = context;
    }

    /** A live 30-day token of the user, in plain text. */
    public String issue(UserAccount user) {
        return context.getBean(AccessTokens.class).issue(user.getId(), "test token", 30, null).plaintext().reveal();
    }

    /** A live 30-day token of the user with this id, in plain text. */
    public String issue(long userId) {
        return context.getBean(AccessTokens.class).issue(userId, "test token", 30, null).plaintext().reveal();
    }

    /** Adds {@code Authorization: Bearer <token>} to a MockMvc request. */
    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }
}
