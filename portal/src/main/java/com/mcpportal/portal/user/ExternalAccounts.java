package com.mcpportal.portal.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts of people who sign in with an OpenID Connect provider, created at their first sign-in ("just in
 * time") and found again by the provider's issuer and subject, never by e-mail or username: whoever controls another
 * provider, or an address there, reaches no one else's account.
 *
 * <p>A new account takes its username from the provider's username claim. When that name already belongs to an
 * account (a local one, or one linked to another provider or subject) the sign-in is refused rather than given a
 * made-up name such as {@code alice-2}: two people, or one person twice, under near-identical names would be
 * mistaken for each other in team member lists and the audit log, and an administrator can settle it (rename the
 * claim, or disable the older account) knowing who is who.
 */
@Service
public class ExternalAccounts {

    private final UserAccountRepository users;
    private final ExternalIdentityRepository identities;
    private final AuditLog auditLog;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    ExternalAccounts(UserAccountRepository users, ExternalIdentityRepository identities, AuditLog auditLog,
                     Clock clock, ApplicationEventPublisher events) {
        this.users = users;
        this.identities = identities;
        this.auditLog = auditLog;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The account linked to the signed-in person, created (and audited) at their first sign-in, with the groups the
     * provider asserted applied: the administrator flag from the provider's administrator group (when one is
     * configured) and, through {@link ExternalGroupsAsserted}, the team roles mapped from groups. A disabled account
     * is returned as it is, for the caller to refuse; its last sign-in is not moved and nothing is applied.
     *
     * @throws ExternalSignInRefusedException the username claim is missing, malformed, or names another account
     */
    @Transactional
    public UserAccount signIn(ExternalSignIn signIn) {
        UserAccount user = linkedOrNew(signIn);
        if (user.isEnabled()) {
            applyAdminGroup(user, signIn);
            events.publishEvent(new ExternalGroupsAsserted(user.getId(), signIn.provider(), signIn.groups()));
        }
        return user;
    }

    /**
     * When the account last signed in with an identity provider; empty for an account that has never done so (a
     * local one). Such an account's access tokens follow the provider: see {@code accesstoken}.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> lastSignIn(long userId) {
        return identities.findLastSignIn(userId);
    }

    private void applyAdminGroup(UserAccount user, ExternalSignIn signIn) {
        if (signIn.adminGroup() == null || signIn.adminGroup().isBlank()) {
            return;
        }
        boolean inGroup = signIn.groups().contains(signIn.adminGroup());
        if (inGroup == user.isAdmin()) {
            return;
        }
        user.setAdmin(inGroup);
        auditLog.record(AuditEntry.success(inGroup ? "user.admin.granted" : "user.admin.revoked")
                .actor(AuditEntry.SYSTEM).target("user", user.getId()).detail("username", user.getUsername())
                .detail("provider", signIn.provider()).detail("group", signIn.adminGroup()));
    }

    private UserAccount linkedOrNew(ExternalSignIn signIn) {
        Optional<ExternalIdentity> linked = identities.findByIssuerAndSubject(signIn.issuer(), signIn.subject());
        if (linked.isPresent()) {
            UserAccount user = users.findById(linked.get().getUserId()).orElseThrow();
            if (user.isEnabled()) {
                linked.get().signedIn(signIn, clock.instant());
            }
            return user;
        }
        String name = Usernames.normalize(signIn.username());
        if (!name.matches(Usernames.FROM_PROVIDER_PATTERN)) {
            throw new ExternalSignInRefusedException(ExternalSignInRefusedException.Reason.USERNAME_INVALID,
                    "Your identity provider gave no usable username (3 to 50 letters, digits, dots, dashes,"
                            + " underscores, @ or +). Ask a portal administrator to check the provider's username"
                            + " claim.");
        }
        if (users.existsByUsername(name)) {
            throw taken(name);
        }
        UserAccount user = new UserAccount(name, null, false, false, clock.instant());
        try {
            users.saveAndFlush(user);
        }
        catch (DataIntegrityViolationException race) {
            throw taken(name);
        }
        identities.save(new ExternalIdentity(user.getId(), signIn, clock.instant()));
        auditLog.record(AuditEntry.success("user.created").actor(AuditEntry.SYSTEM).target("user", user.getId())
                .detail("username", name).detail("admin", false).detail("provider", signIn.provider())
                .detail("issuer", signIn.issuer()).detail("subject", signIn.subject()));
        return user;
    }

    private static ExternalSignInRefusedException taken(String name) {
        return new ExternalSignInRefusedException(ExternalSignInRefusedException.Reason.USERNAME_TAKEN,
                "The username '" + name + "' already belongs to another portal account, so this sign-in cannot"
                        + " create yours, and it never joins an existing account by name or e-mail. Ask a portal"
                        + " administrator to sort it out.");
    }
}
