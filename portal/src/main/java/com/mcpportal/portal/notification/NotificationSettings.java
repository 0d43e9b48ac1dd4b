package com.mcpportal.portal.notification;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code portal.notifications.*}). SMTP itself is Spring's {@code spring.mail.*}.
 *
 * @param dispatchInterval how often the clustered dispatcher sends what is due
 * @param timeout          how long one webhook call or SMTP conversation may take
 * @param firstRetry       the wait after a first failed attempt; it doubles with each further one
 * @param maxRetry         the longest wait between two attempts
 * @param maxAttempts      attempts per message before it is given up (listed as failed)
 * @param failingAfter     failed attempts in a row after which a channel is marked failing (and audited)
 * @param lease            how long a claimed message stays with the instance that claimed it; an instance that dies
 *                         mid-send leaves it to another after this
 * @param keyExpiryWarning API keys expiring within this window are announced (once per key and expiry)
 * @param keyCheckInterval how often expiring keys are looked for
 * @param groupWindow      repeats of one condition (its kind and subject: the error rate of one environment, a team's
 *                         budget, one environment's failing operation) within this time after its message was queued
 *                         are counted on that message, not sent again; 0 sends every one
 * @param retention        messages sent or given up are deleted this long after they were queued (a clustered job,
 *                         daily); those still to be sent are kept
 * @param mailFrom         the From address of notification e-mails
 * @param allowLoopback    whether webhooks may reach this machine itself (127.0.0.0/8, ::1), e.g. a receiver running
 *                         beside the portal; off by default, so a team owner's URL cannot call the portal's own ports.
 *                         Link-local addresses (the cloud's instance metadata) are refused whatever this says
 */
@ConfigurationProperties("portal.notifications")
public record NotificationSettings(
        @DefaultValue("10s") Duration dispatchInterval,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("3") int failingAfter,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("7d") Duration keyExpiryWarning,
        @DefaultValue("1h") Duration keyCheckInterval,
        @DefaultValue("1h") Duration groupWindow,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("mcp-portal@localhost") String mailFrom,
        @DefaultValue("false") boolean allowLoopback) {

    public NotificationSettings {
        if (maxAttempts < 1 || failingAfter < 1 || dispatchInterval.compareTo(Duration.ofSeconds(1)) < 0
                || groupWindow.isNegative() || retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("portal.notifications.max-attempts and failing-after must be at least 1,"
                    + " dispatch-interval at least 1s, group-window not negative and retention at least 1d");
        }
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones: doubling, capped. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    /**
     * Where people reach the portal ({@code portal.base-url}, e.g. {@code https://portal.example.com}): messages link
     * to its pages. A record of its own because the setting is the portal's, not only this feature's.
     */
    @ConfigurationProperties("portal")
    public record PortalAddress(@DefaultValue("http://localhost:8080") URI baseUrl) {

        /** The absolute link to a page of the portal, e.g. {@code /teams/3/environments/7}. */
        String link(String path) {
            String base = baseUrl.toString();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
        }
    }
}
