package com.mcpportal.portal.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.secret.SecretCipher;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.user.EmailAddresses;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMTP server the portal's e-mails go through: the one an administrator set up on the E-mail page if any (stored,
 * its password sealed with the portal's secret key, write-only), else Spring Boot's {@code spring.mail.*}, which stays
 * the default. Read at each message, so a change on one portal instance holds on all of them. Changes and test
 * e-mails are audited.
 */
@Service
class MailServers {

    private static final String PASSWORD_CONTEXT = "notification-mail-server:password";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

    private final MailServerStore store;
    private final SecretCipher cipher;
    private final ObjectProvider<JavaMailSender> configured;
    private final NotificationSettings settings;
    private final AuditLog auditLog;
    private final Clock clock;
    private volatile Built built;

    MailServers(MailServerStore store, SecretCipher cipher, ObjectProvider<JavaMailSender> configured,
                NotificationSettings settings, AuditLog auditLog, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.configured = configured;
        this.settings = settings;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A sender made from the stored settings of {@code updatedAt}; made again when they change. */
    private record Built(Instant updatedAt, JavaMailSender sender) {
    }

    Optional<MailServer> stored() {
        return store.find();
    }

    /** Whether an SMTP server is set up, stored or by {@code spring.mail.host}: e-mail channels can work. */
    boolean available() {
        return store.find().isPresent() || configured.getIfAvailable() != null;
    }

    /** Whether {@code spring.mail.host} is set: what the portal falls back to without stored settings. */
    boolean configuredByProperties() {
        return configured.getIfAvailable() != null;
    }

    /** The server to send through now and the From address to send with (one read of the stored settings). */
    record Outgoing(JavaMailSender sender, String from) {
    }

    /**
     * The stored server with its From, else {@code spring.mail.*} with {@code portal.notifications.mail-from}; empty
     * when no SMTP server is set up.
     */
    Optional<Outgoing> outgoing() throws DeliveryFailure {
        Optional<MailServer> server = store.find();
        if (server.isEmpty()) {
            return Optional.ofNullable(configured.getIfAvailable()).map(sender -> new Outgoing(sender,
                    settings.mailFrom()));
        }
        Built current = built;
        if (current == null || !current.updatedAt().equals(server.get().updatedAt())) {
            current = new Built(server.get().updatedAt(), build(server.get()));
            built = current;
        }
        return Optional.of(new Outgoing(current.sender(), server.get().from()));
    }

    private JavaMailSender build(MailServer server) throws DeliveryFailure {
        String password = null;
        Optional<String> sealed = server.username() == null ? Optional.empty() : store.sealedPassword();
        if (sealed.isPresent()) {
            try {
                password = cipher.decrypt(sealed.get(), PASSWORD_CONTEXT);
            } catch (IllegalStateException unreadable) {
                throw new DeliveryFailure("The stored SMTP password cannot be read: " + unreadable.getMessage());
            }
        }
        return SmtpSenders.of(server, password, settings.timeout());
    }

    /** Stores the administrator's settings, which win over {@code spring.mail.*} from now on. Blank password: kept. */
    @Transactional
    MailServer save(MailServerForm form) {
        String host = form.host() == null ? "" : form.host().strip();
        if (!HOST.matcher(host).matches()) {
            throw new InvalidInputException("host", "Enter the SMTP server's host name, e.g. smtp.example.com.");
        }
        int port = port(form.port());
        String username = form.username() == null || form.username().isBlank() ? null : form.username().strip();
        if (username != null && username.length() > 255) {
            throw new InvalidInputException("username", "Use at most 255 characters.");
        }
        String password = form.password() == null || form.password().isEmpty() ? null : form.password();
        if (password != null && (password.length() > 200 || username == null)) {
            throw new InvalidInputException("password", username == null
                    ? "A password needs a username: enter both, or neither for a server that takes mail without."
                    : "Use at most 200 characters.");
        }
        String from = address("from", form.from());
        boolean hadPassword = store.find().map(MailServer::passwordSet).orElse(false);
        store.save(host, port, username, password == null ? null : cipher.encrypt(password, PASSWORD_CONTEXT),
                username == null, form.tls(), from, clock.instant(), CurrentUser.name());
        MailServer saved = store.find().orElseThrow();
        auditLog.record(AuditEntry.success("notification.mail-server.changed").target("mail-server", 1)
                .detail("host", host).detail("port", port).detail("username", username == null ? "none" : username)
                .detail("password", password != null ? "replaced" : saved.passwordSet() ? "kept"
                        : hadPassword ? "removed" : "none")
                .detail("starttls", form.tls()).detail("from", from));
        return saved;
    }

    /** Forgets the stored settings: {@code spring.mail.*} holds again (or no SMTP server). */
    @Transactional
    boolean remove() {
        Optional<MailServer> server = store.find();
        if (server.isEmpty() || !store.delete()) {
            return false;
        }
        auditLog.record(AuditEntry.success("notification.mail-server.removed").target("mail-server", 1)
                .detail("host", server.get().host()));
        return true;
    }

    /**
     * Sends a test e-mail to {@code to} now, through the server in use; returns where it went. A bad address is
     * refused beside the field; a server that does not take it, with its answer. Audited either way.
     */
    String sendTest(String to) {
        String address = address("to", to);
        String result;
        try {
            Outgoing outgoing = outgoing().orElseThrow(() -> new DeliveryFailure("No SMTP server is set up."));
            JavaMailSender sender = outgoing.sender();
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(outgoing.from());
            helper.setTo(address);
            helper.setSubject(EmailSender.SUBJECT_PREFIX + "Test e-mail");
            helper.setText("This is a test e-mail from the MCP Portal, sent by " + CurrentUser.name()
                    + " from the E-mail page. The portal's notifications reach you this way.\n");
            sender.send(message);
            result = null;
        } catch (DeliveryFailure | MessagingException | MailException failed) {
            result = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
            result = result.length() > 300 ? result.substring(0, 300) + "…" : result;
        }
        String server = store.find().map(stored -> stored.host() + ":" + stored.port()).orElse("spring.mail.*");
        auditLog.record((result == null ? AuditEntry.success("notification.mail-server.tested")
                : AuditEntry.failure("notification.mail-server.tested")).target("mail-server", 1)
                .detail("to", address).detail("server", server).detail("result", result == null ? "sent" : result));
        if (result != null) {
            throw new InvalidInputException("to", "The SMTP server did not take the test e-mail: " + result);
        }
        return address;
    }

    private static int port(String typed) {
        try {
            int port = Integer.parseInt(typed == null ? "" : typed.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidInputException("port", "Enter a port from 1 to 65535, e.g. 587 (STARTTLS) or 25.");
    }

    private static String address(String field, String typed) {
        String address = typed == null ? "" : typed.strip();
        if (!EmailAddresses.valid(address)) {
            throw new InvalidInputException(field, "Enter an e-mail address such as portal@example.com.");
        }
        return address;
    }
}
