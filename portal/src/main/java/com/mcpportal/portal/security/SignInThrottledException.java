package com.mcpportal.portal.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * The username or the client address must wait before its next try: it was already waiting (the password was not
 * even checked), or this wrong password made it wait.
 */
class SignInThrottledException extends AuthenticationException {

    private final transient Duration wait;

    SignInThrottledException(Duration wait) {
        super("Too many failed sign-ins: wait " + wait);
        this.wait = wait;
    }

    /** How long the username or address must still wait. */
    Duration waitTime() {
        return wait;
    }
}
