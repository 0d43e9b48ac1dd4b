package com.mcpportal.portal.user;

import java.util.Locale;

/** How usernames are compared: case-insensitively, trimmed. */
public final class Usernames {

    /** Letters, digits, dot, dash and underscore; 3 to 50 characters (the form validates the same). */
    public static final String PATTERN = "[A-Za-z0-9._-]{3,50}";

    /**
     * A username taken from an identity provider's claim, once normalised: also {@code @} and {@code +}, as
     * Entra ID's {@code preferred_username} and Google's {@code email} are addresses.
     */
    public static final String FROM_PROVIDER_PATTERN = "[a-z0-9._@+-]{3,50}";

    private Usernames() {
    }

    public static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
