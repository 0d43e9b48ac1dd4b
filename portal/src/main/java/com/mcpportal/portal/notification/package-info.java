/**
 * Notifications (issue 18): a team's channels (e-mail through the administrator's SMTP server, a Slack incoming
 * webhook, a Microsoft Teams workflow webhook, a generic webhook signed with HMAC-SHA256), which events each one gets,
 * and their durable delivery. {@link com.mcpportal.portal.notification.NotificationTriggers} writes a message for every
 * channel whose rules take the event into the outbox in the event's own transaction, inside a savepoint (operation
 * failed, schedule could not start or stop, operation retried and succeeded, error rate flagged or cleared, drift
 * found or resolved, key set publication failing or working again, a rotated key waiting to be revealed, budget
 * crossed); {@link com.mcpportal.portal.notification.KeyExpiryNotices} announces expiring API keys (within each channel's own number of days, else {@code key-expiry-warning}) and
 * expired ones; repeats
 * of one condition within the group window are counted on its first message, not sent again;
 * {@link com.mcpportal.portal.notification.Dispatcher}, a clustered Quartz job, sends what is due with retries and
 * backoff, each message by one portal instance. Tables {@code notification_channel} and {@code notification_delivery};
 * the page is {@code /teams/{teamId}/notifications}.
 *
 * <p>Settings ({@code portal.notifications.*}, defaults in {@link com.mcpportal.portal.notification.NotificationSettings}):
 * {@code dispatch-interval} (10s), {@code timeout} (10s), {@code first-retry} (30s, doubling), {@code max-retry} (1h),
 * {@code max-attempts} (8), {@code failing-after} (3), {@code lease} (5m), {@code key-expiry-warning} (7d),
 * {@code key-check-interval} (1h), {@code group-window} (1h), {@code mail-from} (mcp-portal@localhost), {@code allow-loopback} (false; link-local addresses are always
 * refused, see {@code WebhookDestinations}); {@code portal.base-url}
 * (http://localhost:8080) for the links; SMTP is Spring Boot's {@code spring.mail.*}.
 */
package com.mcpportal.portal.notification;
