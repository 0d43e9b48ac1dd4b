package com.mcpportal.portal.security;

import org.springframework.security.core.AuthenticationException;

/** The username is locked after too many failed sign-ins; the password was not even checked. */
class SignInLockedException extends AuthenticationException {

    SignInLockedException(String message) {
        super(message);
    }
}
