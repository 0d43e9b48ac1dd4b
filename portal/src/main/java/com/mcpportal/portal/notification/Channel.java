package com.mcpportal.portal.notification;

import java.time.Instant;
import java.util.List;

/**
 * A team's notification channel as pages show it: never its webhook URL or signing secret, only where it points.
 *
 * @param recipients          e-mail addresses (e-mail channels), else empty
 * @param endpoint            scheme, host and port of the webhook URL, else null
 * @param secretSet           whether a generic webhook has its signing secret
 * @param consecutiveFailures failed attempts in a row
 * @param failingSince        when it was marked failing, or null while it works
 * @param keyExpiryDays       days before an API key expires that it is told; null for the portal's default
 * @param teamOwners          an e-mail channel that also goes to the team's owners, resolved at each message
 */
public record Channel(long id, long teamId, ChannelKind kind, String name, List<String> recipients,
                      String endpoint, boolean secretSet, List<NoticeKind> events, int consecutiveFailures,
                      Instant failingSince, String lastError, Instant createdAt, Integer keyExpiryDays, boolean teamOwners) {

    public boolean failing() {
        return failingSince != null;
    }

    public boolean gets(NoticeKind kind) {
        return events.contains(kind);
    }

    /** Where it delivers, for lists: the recipients or the webhook's host. */
    public String destination() {
        if (kind != ChannelKind.EMAIL) {
            return endpoint;
        }
        return teamOwners ? (recipients.isEmpty() ? "the team's owners" : "the team's owners, " + String.join(", ", recipients))
                : String.join(", ", recipients);
    }
}
