package com.mcpportal.portal.security;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;

/** Why a sign-in failed or a session ended, as the {@code error} parameter of the login page and the audit detail. */
enum SignInOutcome {
    BAD_CREDENTIALS("bad-credentials"),
    LOCKED("locked"),
    DISABLED("disabled"),
    EXPIRED("expired"),
    SESSION_ENDED("session-ended");

    final String code;

    SignInOutcome(String code) {
        this.code = code;
    }

    static SignInOutcome of(AuthenticationException failure) {
        if (failure instanceof SignInLockedException) {
            return LOCKED;
        }
        if (failure instanceof DisabledException) {
            return DISABLED;
        }
        return BAD_CREDENTIALS;
    }

    static SignInOutcome fromCode(String code) {
        for (SignInOutcome outcome : values()) {
            if (outcome.code.equals(code)) {
                return outcome;
            }
        }
        return BAD_CREDENTIALS;
    }

    String message(SignInSettings settings) {
        return switch (this) {
            case BAD_CREDENTIALS -> "Wrong username or password. After " + settings.maxFailures()
                    + " failed attempts the username is locked for " + settings.lockoutText() + ".";
            case LOCKED -> "Too many failed sign-ins: this username is locked for " + settings.lockoutText()
                    + ". Try again later or ask an administrator.";
            case DISABLED -> "This account is disabled. Ask a portal administrator to enable it.";
            case EXPIRED -> "The sign-in form had expired. Please sign in again.";
            case SESSION_ENDED -> "Your session has ended: the password was changed or reset, or the session was"
                    + " ended from the account page. Please sign in again.";
        };
    }
}
