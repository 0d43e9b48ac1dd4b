package com.mcpportal.portal.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Sign-ins through the real login form from a chosen client address, and the session they leave behind. */
final class SignIns {

    private SignIns() {
    }

    /** The login form posted from {@code address} (what the servlet container reports as the client). */
    static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(address)).header("User-Agent", "SignIns/1.0 (" + address + ")");
    }

    /** The request comes from this client address. */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The session a successful sign-in left (its cookie, as a browser keeps it). */
    static MockHttpSession session(MvcResult signedIn) {
        HttpSession session = signedIn.getRequest().getSession(false);
        if (session == null) {
            throw new IllegalStateException("The sign-in left no session (redirected to "
                    + signedIn.getResponse().getRedirectedUrl() + ")");
        }
        return (MockHttpSession) session;
    }
}
