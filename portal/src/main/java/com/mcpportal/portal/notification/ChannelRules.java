package com.mcpportal.portal.notification;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import com.mcpportal.portal.user.EmailAddresses;
import com.mcpportal.portal.web.InvalidInputException;

/** What a channel form must say, each refusal with the field it belongs beside. Pure: no database. */
final class ChannelRules {

    static final int MAX_RECIPIENTS = 20;

    private ChannelRules() {
    }

    static ChannelKind kind(String kind) {
        try {
            return ChannelKind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("kind", "Choose e-mail, Slack, Microsoft Teams or a generic webhook.");
        }
    }

    static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException("name", "Enter a name, e.g. #payments-alerts or On-call e-mail.");
        }
        if (stripped.length() > 60) {
            throw new InvalidInputException("name", "Use at most 60 characters.");
        }
        return stripped;
    }

    /** The typed addresses; none is fine when the team's owners get the messages. */
    static List<String> recipients(String recipients, boolean teamOwners) {
        List<String> addresses = Arrays.stream((recipients == null ? "" : recipients).split("[,;\\s]+"))
                .filter(address -> !address.isBlank()).distinct().toList();
        if (addresses.isEmpty() && !teamOwners) {
            throw new InvalidInputException("recipients", "Enter at least one e-mail address, or choose the team's"
                    + " owners.");
        }
        if (addresses.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException("recipients", "Enter at most " + MAX_RECIPIENTS + " addresses; for more,"
                    + " use a mailing list's address.");
        }
        addresses.stream().filter(address -> !EmailAddresses.valid(address)).findFirst()
                .ifPresent(bad -> {
                    throw new InvalidInputException("recipients", "\"" + bad + "\" is not an e-mail address.");
                });
        return addresses;
    }

    static URI url(ChannelKind kind, String url) {
        String stripped = url.strip();
        URI uri;
        try {
            uri = URI.create(stripped);
        } catch (IllegalArgumentException notAUri) {
            throw new InvalidInputException("url", "Enter the webhook's URL as " + where(kind) + " shows it.");
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null || stripped.length() > 1000) {
            throw new InvalidInputException("url", "Enter an absolute https:// URL (at most 1000 characters), as "
                    + where(kind) + " shows it.");
        }
        return uri;
    }

    static String secret(String secret) {
        String stripped = secret.strip();
        if (stripped.length() < 16 || stripped.length() > 200) {
            throw new InvalidInputException("secret", "Use 16 to 200 characters: a long random string your receiver"
                    + " also knows, e.g. from openssl rand -hex 32.");
        }
        return stripped;
    }

    static List<NoticeKind> events(List<String> events) {
        try {
            return (events == null ? List.<String>of() : events).stream().distinct().map(NoticeKind::valueOf)
                    .filter(NoticeKind.choosable()::contains).sorted().toList();
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("events", "Choose among the events listed.");
        }
    }

    static final int MAX_KEY_EXPIRY_DAYS = 90;

    /** The channel's own warning window for expiring keys in days, or null (blank) for the portal's default. */
    static Integer keyExpiryDays(String days) {
        if (days == null || days.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(days.strip());
            if (parsed >= 1 && parsed <= MAX_KEY_EXPIRY_DAYS) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidInputException("keyExpiryDays", "Enter a whole number of days from 1 to "
                + MAX_KEY_EXPIRY_DAYS + ", or leave it blank for the portal's default.");
    }

    private static String where(ChannelKind kind) {
        return switch (kind) {
            case SLACK -> "Slack's incoming webhook settings";
            case TEAMS -> "the Teams workflow (\"When a Teams webhook request is received\")";
            default -> "your receiver's documentation";
        };
    }
}
