package com.mcpportal.portal.notification;

/**
 * The E-mail page's form. The password is write-only: the page never shows it, and blank keeps the stored one.
 *
 * @param port     typed, checked by {@link MailServers}
 * @param starttls whether to upgrade the connection with STARTTLS (required when ticked)
 */
public record MailServerForm(String host, String port, String username, String password, Boolean starttls,
                             String from) {

    static MailServerForm empty(String defaultFrom) {
        return new MailServerForm("", "587", "", "", true, defaultFrom);
    }

    static MailServerForm of(MailServer server) {
        return new MailServerForm(server.host(), String.valueOf(server.port()),
                server.username() == null ? "" : server.username(), "", server.starttls(), server.from());
    }

    boolean tls() {
        return Boolean.TRUE.equals(starttls);
    }
}
