package com.mcpportal.portal.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a message as a plain-text e-mail through the SMTP server the administrator set up (the E-mail page, else
 * {@code spring.mail.*}: see {@link MailServers}).
 */
@Component
class EmailSender {

    static final String SUBJECT_PREFIX = "[MCP Portal] ";

    private final MailServers mail;
    private final TeamOwners owners;

    EmailSender(MailServers mail, TeamOwners owners) {
        this.mail = mail;
        this.owners = owners;
    }

    /** Whether an SMTP server is set up, so e-mail channels can work. */
    boolean available() {
        return mail.available();
    }

    void send(Channel channel, Delivery delivery) throws DeliveryFailure {
        MailServers.Outgoing outgoing = mail.outgoing().orElseThrow(() -> new DeliveryFailure("No SMTP server is set"
                + " up (the administrators' E-mail page, or spring.mail.host)."));
        JavaMailSender sender = outgoing.sender();
        List<String> to = recipients(channel);
        if (to.isEmpty()) {
            throw new DeliveryFailure("None of the team's owners has an e-mail address: each owner sets one on their"
                    + " account page (Your account, E-mail address), or add recipients to the channel.");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(outgoing.from());
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(SUBJECT_PREFIX + delivery.headline());
            helper.setText(text(channel, delivery));
            sender.send(message);
        } catch (MessagingException | MailException failed) {
            throw new DeliveryFailure("The SMTP server did not take the message: "
                    + (failed.getMessage() == null ? failed.getClass().getSimpleName() : cut(failed.getMessage())));
        }
    }

    /** The channel's own recipients, then the team's owners' addresses as they are now (for an owners channel). */
    private List<String> recipients(Channel channel) {
        if (!channel.teamOwners()) {
            return channel.recipients();
        }
        Set<String> to = new LinkedHashSet<>(channel.recipients());
        to.addAll(owners.addresses(channel.teamId()));
        return List.copyOf(to);
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
