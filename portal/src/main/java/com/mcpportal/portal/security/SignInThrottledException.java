package com.mcpportal.portal.security;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * The username or the client address must wait before its next try: it was already waiting (the password was not
 * even checked), or this wrong password made it wait.
 */
class SignInThrottledException extends AuthenticationException {

    private final transient Instant until;

    SignInThrottledException(Instant until) {
        super("Too many failed sign-ins: wait until " + until);
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
