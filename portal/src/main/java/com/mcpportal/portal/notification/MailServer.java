package com.mcpportal.portal.notification;

import java.time.Instant;

/**
 * The SMTP server an administrator set up on the E-mail page, as the page shows it: never its password, only whether
 * it has one.
 *
 * @param username    null: the server takes mail without signing in
 * @param passwordSet whether a password is stored (sealed)
 * @param from        the From address of the portal's e-mails
 */
public record MailServer(String host, int port, String username, boolean passwordSet, boolean starttls, String from,
                         Instant updatedAt, String updatedBy) {
}
