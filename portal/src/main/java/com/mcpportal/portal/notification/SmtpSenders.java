package com.mcpportal.portal.notification;

import java.time.Duration;
import java.util.Properties;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A Jakarta Mail sender for stored SMTP settings: the notification timeout on connect, read and write. */
final class SmtpSenders {

    private SmtpSenders() {
    }

    /** {@code password} null: the server takes mail without signing in (or with the username alone). */
    static JavaMailSender of(MailServer server, String password, Duration timeout) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        String millis = String.valueOf(timeout.toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        properties.setProperty("mail.smtp.starttls.enable", String.valueOf(server.starttls()));
        properties.setProperty("mail.smtp.starttls.required", String.valueOf(server.starttls()));
        if (server.username() != null) {
            sender.setUsername(server.username());
            sender.setPassword(password);
            properties.setProperty("mail.smtp.auth", "true");
        }
        return sender;
    }
}
