package com.mcpportal.portal.user;

import java.util.Locale;

/** How usernames are compared: case-insensitively, trimmed. */
public final class Usernames {

    /** Letters, digits, dot, dash and underscore; 3 to 50 characters (the form validates the same). */
    public static final String PATTERN = "[A-Za-z0-9._-]{3,50}";

    private Usernames() {
    }

    public static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
