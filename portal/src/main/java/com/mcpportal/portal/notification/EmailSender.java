package com.mcpportal.portal.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a message as a plain-text e-mail through the SMTP server the administrator set up ({@code spring.mail.host}
 * and friends; Spring Boot makes the {@link JavaMailSender} only then).
 */
@Component
class EmailSender {

    static final String SUBJECT_PREFIX = "[MCP Portal] ";

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationSettings settings;

    EmailSender(ObjectProvider<JavaMailSender> mail, NotificationSettings settings) {
        this.mail = mail;
        this.settings = settings;
    }

    /** Whether an SMTP server is set up, so e-mail channels can work. */
    boolean available() {
        return mail.getIfAvailable() != null;
    }

    void send(Channel channel, Delivery delivery) throws DeliveryFailure {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailure("No SMTP server is set up (spring.mail.host).");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(settings.mailFrom());
            helper.setTo(channel.recipients().toArray(String[]::new));
            helper.setSubject(SUBJECT_PREFIX + delivery.headline());
            helper.setText(text(channel, delivery));
            sender.send(message);
        } catch (MessagingException | MailException failed) {
            throw new DeliveryFailure("The SMTP server did not take the message: "
                    + (failed.getMessage() == null ? failed.getClass().getSimpleName() : cut(failed.getMessage())));
        }
    }

    static String text(Channel channel, Delivery delivery) {
        return "What happened: " + delivery.happened() + "\n\n"
                + "Why it matters: " + delivery.why() + "\n\n"
                + "What to do: " + delivery.action() + "\n\n"
                + "Open in the portal: " + delivery.link() + "\n\n"
                + "-- \nSent to the notification channel \"" + channel.name() + "\" of your team in the MCP Portal;"
                + " its owners choose what it gets on the team's Notifications page.\n";
    }

    private static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
