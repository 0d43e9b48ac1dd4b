package com.mcpportal.portal.user;

/**
 * Published in the transaction that disabled an account or reset its password, so the features holding ways in
 * (sessions, access tokens) close them in the same transaction; the user feature cannot call them itself without
 * depending on them.
 *
 * @param userId the account
 * @param cause  why
 */
public record AccountSignInsRevoked(long userId, Cause cause) {

    /** What happened to the account. */
    public enum Cause {
        /** An administrator reset the password (a suspected leak): sessions end and access tokens are revoked. */
        PASSWORD_RESET("password-reset"),
        /** An administrator disabled the account: sessions end; access tokens are refused while it stays disabled. */
        DISABLED("account-disabled");

        private final String code;

        Cause(String code) {
            this.code = code;
        }

        /** The reason recorded in the audit log and on ended sessions. */
        public String code() {
            return code;
        }
    }
}
