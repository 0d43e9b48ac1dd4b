package com.mcpportal.portal.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.web.InvalidInputException;

/**
 * A place in the audit log's page order (newest first by time, then id): the REST API's opaque {@code next}
 * cursor. It holds the last event's time and id, so the next page is a keyset query that needs no row to still
 * exist, and a page never repeats or skips an event however many are written meanwhile.
 */
public record AuditPosition(Instant occurredAt, long id) {

    private static final Pattern FORM = Pattern.compile("a1:(-?\\d{1,19}):(\\d{1,9}):(\\d{1,19})");

    public static AuditPosition of(ChainedEvent event) {
        return new AuditPosition(event.occurredAt(), event.id());
    }

    /** URL-safe text; its form is not part of the API (clients pass it back unchanged). */
    public String encode() {
        String plain = "a1:" + occurredAt.getEpochSecond() + ":" + occurredAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads a cursor this API gave out.
     *
     * @throws InvalidInputException (field {@code cursor}) for anything else
     */
    public static AuditPosition decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII);
            Matcher parts = FORM.matcher(plain);
            if (parts.matches()) {
                return new AuditPosition(Instant.ofEpochSecond(Long.parseLong(parts.group(1)),
                        Long.parseLong(parts.group(2))), Long.parseLong(parts.group(3)));
            }
        }
        catch (IllegalArgumentException | java.time.DateTimeException ex) {
            // not base64, a number out of range, an instant out of range: the same answer below
        }
        throw new InvalidInputException("cursor", "Not a cursor this API gave out: pass the 'next' value of the"
                + " previous page unchanged, or leave it out for the newest events.");
    }
}
