package com.mcpportal.portal.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.mcpportal.portal.web.InvalidInputException;

/**
 * The opaque {@code next} cursor of a REST list ordered by id: the last id of a page and the list's kind
 * ({@code env:42}), base64url, so a cursor of one list is refused by another. Also the lists' limit check.
 */
public final class IdCursor {

    private IdCursor() {
    }

    /** The id a page starts after: 0 without a cursor; a 422 on {@code cursor} for anything not from this list. */
    public static long after(String kind, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(kind + ":")) {
                return Long.parseLong(decoded.substring(kind.length() + 1));
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the refusal below
        }
        throw new InvalidInputException("cursor", "That is not a cursor from this list; pass the 'next' value back.");
    }

    /** The cursor of the page after the one ending at {@code lastId}. */
    public static String next(String kind, long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** A 422 on {@code limit} unless it is 1 to {@code max}. */
    public static void requireLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidInputException("limit", "Ask for 1 to " + max + " items.");
        }
    }
}
