/**
 * Notifications (issue 18): a team's channels (e-mail to fixed addresses and/or the team's owners, looked up at each
 * message by {@link com.mcpportal.portal.notification.TeamOwners}, through the administrator's SMTP server of the
 * E-mail page ({@link com.mcpportal.portal.notification.MailServers}, else {@code spring.mail.*}), a Slack incoming
 * webhook, a Microsoft Teams workflow webhook, a generic webhook signed with HMAC-SHA256), which events each one gets,
 * and their durable delivery. {@link com.mcpportal.portal.notification.NotificationTriggers} writes a message for every
 * channel whose rules take the event into the outbox in the event's own transaction, inside a savepoint (operation
 * failed, schedule could not start or stop, operation retried and succeeded, error rate flagged or cleared, drift
 * found or resolved, key set publication failing or working again, a rotated key waiting to be revealed, budget
 * crossed); {@link com.mcpportal.portal.notification.KeyExpiryNotices} announces expiring API keys (within each channel's own number of days, else {@code key-expiry-warning}) and
 * expired ones; repeats
 * of one condition within the group window are counted on its first message, not sent again;
 * {@link com.mcpportal.portal.notification.Dispatcher}, a clustered Quartz job, sends what is due with retries and
 * backoff, each message by one portal instance. A new team gets an e-mail channel to its owners when SMTP is set up
 * ({@code TeamCreated}); messages sent or given up are pruned after the retention by a daily clustered job. Tables
 * {@code notification_channel}, {@code notification_delivery} and {@code notification_mail_server}; the pages are
 * {@code /teams/{teamId}/notifications} and {@code /admin/mail}. A kind of event added later that new channels get by
 * default needs a migration turning it on for older channels (as V86; {@code NoticeKindTests}).
 *
 * <p>Settings ({@code portal.notifications.*}, defaults in {@link com.mcpportal.portal.notification.NotificationSettings}):
 * {@code dispatch-interval} (10s), {@code timeout} (10s), {@code first-retry} (30s, doubling), {@code max-retry} (1h),
 * {@code max-attempts} (8), {@code failing-after} (3), {@code lease} (5m), {@code key-expiry-warning} (7d),
 * {@code key-check-interval} (1h), {@code group-window} (1h), {@code retention} (30d), {@code mail-from} (mcp-portal@localhost), {@code allow-loopback} (false; link-local addresses are always
 * refused, see {@code WebhookDestinations}); {@code portal.base-url}
 * (http://localhost:8080) for the links; SMTP is the E-mail page's, else Spring Boot's {@code spring.mail.*}, and
 * {@code mail-from} the From address without stored settings.
 */
package com.mcpportal.portal.notification;
