package com.mcpportal.portal.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.web.InvalidInputException;
import com.mcpportal.portal.web.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, disabling and re-keying user accounts; every change is audited in the same transaction. Disabling an
 * account or resetting its password publishes {@link AccountSignInsRevoked} in that transaction, so its sessions and
 * access tokens end with it.
 */
@Service
public class UserAccountService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditLog auditLog,
                       ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /** A new account and the one-time password to hand over; the password is not stored or shown again. */
    public record CreatedUser(UserAccount user, String oneTimePassword) {
    }

    /** The first administrator; {@code generated}: its one-time password was generated, not configured. */
    public record FirstAdmin(String username, boolean generated) {
    }

    @Transactional(readOnly = true)
    public List<UserAccount> all() {
        return users.findAllByOrderByUsername();
    }

    @Transactional(readOnly = true)
    public UserAccount get(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("No such user"));
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByUsername(String username) {
        return users.findByUsername(Usernames.normalize(username));
    }

    /** Creates an account whose holder must pick a new password at first sign-in. */
    @Transactional
    public CreatedUser create(String username, boolean admin) {
        String name = Usernames.normalize(username);
        if (users.existsByUsername(name)) {
            throw new InvalidInputException("username", "The username '" + name + "' is already taken.");
        }
        String oneTimePassword = Passwords.generate();
        UserAccount user = new UserAccount(name, hash(oneTimePassword), admin, true, now());
        try {
            users.saveAndFlush(user);
        }
        catch (DataIntegrityViolationException race) {
            throw new InvalidInputException("username", "The username '" + name + "' is already taken.");
        }
        auditLog.record(AuditEntry.success("user.created").target("user", user.getId())
                .detail("username", name).detail("admin", admin));
        return new CreatedUser(user, oneTimePassword);
    }

    /** Disabled users cannot sign in, and their open sessions end at their next request. */
    @Transactional
    public UserAccount setEnabled(long userId, boolean enabled, String actingUsername) {
        UserAccount user = get(userId);
        if (!enabled && user.getUsername().equals(Usernames.normalize(actingUsername))) {
            throw new InvalidInputException(null, "You cannot disable your own account.");
        }
        if (user.isEnabled() == enabled) {
            return user;
        }
        user.setEnabled(enabled);
        auditLog.record(AuditEntry.success(enabled ? "user.enabled" : "user.disabled").target("user", userId)
                .detail("username", user.getUsername()));
        if (!enabled) {
            events.publishEvent(new AccountSignInsRevoked(userId, AccountSignInsRevoked.Cause.DISABLED));
        }
        return user;
    }

    /**
     * Replaces the password with a new one-time password, for a user who forgot theirs or whose account may be in
     * someone else's hands: every session of the account ends and its access tokens are revoked (see
     * {@link AccountSignInsRevoked}), so nothing made with the old password works once the user picks a new one.
     */
    @Transactional
    public String resetPassword(long userId) {
        UserAccount user = get(userId);
        String oneTimePassword = Passwords.generate();
        user.changePassword(hash(oneTimePassword), true, now());
        auditLog.record(AuditEntry.success("user.password.reset").target("user", userId)
                .detail("username", user.getUsername()));
        events.publishEvent(new AccountSignInsRevoked(userId, AccountSignInsRevoked.Cause.PASSWORD_RESET));
        return oneTimePassword;
    }

    /**
     * The signed-in user sets (or, blank, removes) the e-mail address the portal writes to: the notifications of the
     * teams they own (an e-mail channel sent to "the team's owners"). Audited with the old and new address.
     */
    @Transactional
    public UserAccount changeOwnEmail(long userId, @Nullable String email) {
        UserAccount user = get(userId);
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && !EmailAddresses.valid(address)) {
            throw new InvalidInputException("email", "Enter an e-mail address such as alice@example.com, or leave it"
                    + " blank.");
        }
        if (Objects.equals(address, user.getEmail())) {
            return user;
        }
        String before = user.getEmail();
        user.setEmail(address);
        auditLog.record(AuditEntry.success("user.email.changed").target("user", userId)
                .detail("username", user.getUsername()).detail("from", before == null ? "none" : before)
                .detail("to", address == null ? "none" : address));
        return user;
    }

    /**
     * The signed-in user changes their own password; field errors name the form field at fault. The account's
     * credential epoch moves on, which ends every session signed in before; the caller carries its own session over.
     */
    @Transactional
    public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
        UserAccount user = get(userId);
        if (user.getPasswordHash() == null) {
            throw new InvalidInputException("currentPassword", "You sign in with your identity provider: this account"
                    + " has no portal password to change.");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "This is not your current password.");
        }
        String problem = Passwords.problemWith(newPassword);
        if (problem != null) {
            throw new InvalidInputException("newPassword", problem);
        }
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("newPassword", "Choose a password different from the current one.");
        }
        user.changePassword(hash(newPassword), false, now());
        auditLog.record(AuditEntry.success("user.password.changed").target("user", userId)
                .detail("username", user.getUsername()));
    }

    /**
     * On an empty user table, creates {@code admin}: with the configured password if there is one, else with a
     * generated one-time password handed to {@code handOver} inside the transaction (if that fails, no account is
     * created and the next start tries again). Either way it must be replaced at the first sign-in: a configured
     * password has travelled through deployment files and environment variables. Several portal instances may start
     * together on one database; the advisory lock lets only one of them create the account.
     *
     * @throws IllegalStateException the configured password breaks the rules or is a well-known placeholder
     */
    @Transactional
    public Optional<FirstAdmin> createFirstAdminIfNone(String configuredPassword, Consumer<String> handOver) {
        users.lockForFirstAdmin();
        if (users.count() > 0) {
            return Optional.empty();
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        if (!generated && Passwords.problemWith(configuredPassword) != null) {
            throw new IllegalStateException("PORTAL_ADMIN_PASSWORD is not acceptable: "
                    + Passwords.problemWith(configuredPassword));
        }
        String password = generated ? Passwords.generate() : configuredPassword;
        UserAccount admin = new UserAccount("admin", hash(password), true, true, now());
        users.saveAndFlush(admin);
        auditLog.record(AuditEntry.success("user.created").actor(AuditEntry.SYSTEM).target("user", admin.getId())
                .detail("username", "admin").detail("admin", true)
                .detail("passwordSource", generated ? "generated" : "PORTAL_ADMIN_PASSWORD"));
        if (generated) {
            handOver.accept(password);
        }
        return Optional.of(new FirstAdmin(admin.getUsername(), generated));
    }

    private Instant now() {
        return clock.instant();
    }

    /** The encoder's hash of a password: only a null password hashes to null. */
    private String hash(String password) {
        return Objects.requireNonNull(passwordEncoder.encode(password));
    }
}
