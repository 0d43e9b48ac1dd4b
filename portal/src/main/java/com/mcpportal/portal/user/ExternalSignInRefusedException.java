package com.mcpportal.portal.user;

/** A provider's sign-in that cannot become a portal account; the message says why, for the login page. */
public class ExternalSignInRefusedException extends RuntimeException {

    /** Why, as the login page's {@code error} code and the audit detail. */
    public enum Reason {
        USERNAME_TAKEN("sso-username-taken"),
        USERNAME_INVALID("sso-username-invalid");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    ExternalSignInRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
