package com.mcpportal.portal.apikey.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.web.InvalidInputException;

/**
 * The REST list's opaque cursor: where the previous page ended (created-at and id), base64url so clients do not
 * build their own. A cursor that does not decode is refused on the {@code cursor} field.
 */
final class KeyCursor {

    private KeyCursor() {
    }

    /** The cursor for a page's end, or null for the last page. */
    static String encode(ApiKeyService.KeyPosition position) {
        if (position == null) {
            return null;
        }
        String text = position.createdAt() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names, or null when there is none (the first page). */
    static ApiKeyService.KeyPosition decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new ApiKeyService.KeyPosition(Instant.parse(text.substring(0, bar)),
                    Long.parseLong(text.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException invalid) {
            throw new InvalidInputException("cursor", "This cursor is not one the portal gave out; pass the"
                    + " \"next\" value of the previous page unchanged.");
        }
    }
}
