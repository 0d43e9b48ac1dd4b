package com.mcpportal.portal.security;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/** Why a sign-in failed or a session ended, as the {@code error} parameter of the login page and the audit detail. */
enum SignInOutcome {
    BAD_CREDENTIALS("bad-credentials"),
    THROTTLED("throttled"),
    DISABLED("disabled"),
    EXPIRED("expired"),
    SESSION_ENDED("session-ended"),
    /** The form is for administrators only ({@code portal.auth.local-sign-in=admin-only}). */
    LOCAL_SIGN_IN_OFF("local-sign-in-off"),
    /** The identity provider's username names another account (see {@code user.ExternalAccounts}). */
    SSO_USERNAME_TAKEN("sso-username-taken"),
    SSO_USERNAME_INVALID("sso-username-invalid"),
    /**
     * The provider's answer was refused: its {@code state} matches no sign-in started here, or the ID token's
     * signature, issuer, audience, expiry or nonce is wrong, or the provider reported an error.
     */
    SSO_FAILED("sso-failed"),
    /** The sign-in could not start: the provider's discovery document could not be read. */
    SSO_UNAVAILABLE("sso-unavailable");

    final String code;

    SignInOutcome(String code) {
        this.code = code;
    }

    static SignInOutcome of(AuthenticationException failure) {
        if (failure instanceof SignInThrottledException) {
            return THROTTLED;
        }
        if (failure instanceof DisabledException) {
            return DISABLED;
        }
        if (failure instanceof LocalSignInOffException) {
            return LOCAL_SIGN_IN_OFF;
        }
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            return SSO_USERNAME_TAKEN.code.equals(code) ? SSO_USERNAME_TAKEN
                    : SSO_USERNAME_INVALID.code.equals(code) ? SSO_USERNAME_INVALID : SSO_FAILED;
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

    /** Whether the failed sign-in was the form's (the page then shows the form unfolded, beside its message). */
    boolean fromTheForm() {
        return this == BAD_CREDENTIALS || this == THROTTLED || this == DISABLED || this == EXPIRED
                || this == LOCAL_SIGN_IN_OFF;
    }

    /** What the login page says; {@code waitSeconds} is how long a throttled sign-in must wait, if known. */
    String message(SignInSettings settings, Integer waitSeconds) {
        return switch (this) {
            case BAD_CREDENTIALS -> "Wrong username or password. After " + settings.freeFailures()
                    + " failed attempts, each further attempt has to wait a little longer.";
            case THROTTLED -> "Too many failed sign-ins for this username or from your address."
                    + (waitSeconds == null ? " Wait a few minutes." : " Try again in " + waitText(waitSeconds) + ".")
                    + " A username's delay does not hold up its owner on an address they signed in from before;"
                    + " an administrator can also lift a delay.";
            case DISABLED -> "This account is disabled. Ask a portal administrator to enable it.";
            case EXPIRED -> "The sign-in form had expired. Please sign in again.";
            case SESSION_ENDED -> "Your session has ended: the password was changed or reset, or the session was"
                    + " ended from the account page. Please sign in again.";
            case LOCAL_SIGN_IN_OFF -> "Sign in with your identity provider above: here, portal passwords are only"
                    + " for administrators, as the way in when the provider is down.";
            case SSO_USERNAME_TAKEN -> "Your identity provider's username already belongs to another portal account."
                    + " Signing in with a provider never joins an existing account by name or e-mail, so no account"
                    + " was created. Ask a portal administrator to sort it out.";
            case SSO_USERNAME_INVALID -> "Your identity provider sent no usable username (3 to 50 letters, digits,"
                    + " dots, dashes, underscores, @ or +). Ask a portal administrator to check the provider's"
                    + " username claim.";
            case SSO_UNAVAILABLE -> "Your identity provider cannot be reached right now. Try again in a moment;"
                    + " a portal account's username and password still work.";
            case SSO_FAILED -> "Signing in with your identity provider did not complete: its answer did not match a"
                    + " sign-in started here, or could not be verified. Please start again from this page.";
        };
    }

    private static String waitText(int seconds) {
        if (seconds < 120) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
