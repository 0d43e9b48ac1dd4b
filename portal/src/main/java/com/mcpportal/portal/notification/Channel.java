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
 */
public record Channel(long id, long teamId, ChannelKind kind, String name, List<String> recipients,
                      String endpoint, boolean secretSet, List<NoticeKind> events, int consecutiveFailures,
                      Instant failingSince, String lastError, Instant createdAt, Integer keyExpiryDays) {

    public boolean failing() {
        return failingSince != null;
    }

    public boolean gets(NoticeKind kind) {
        return events.contains(kind);
    }

    /** Where it delivers, for lists: the recipients or the webhook's host. */
    public String destination() {
        return kind == ChannelKind.EMAIL ? String.join(", ", recipients) : endpoint;
    }
}
