package com.mcpportal.portal.security;

import java.io.Serial;

import org.springframework.security.core.AuthenticationException;

/** The right password of an account that must sign in with its identity provider ({@link LocalSignInSettings}). */
class LocalSignInOffException extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    LocalSignInOffException() {
        super("Local sign-in is for administrators only");
    }
}
