package com.mcpportal.portal.accesstoken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.mcpportal.portal.apikey.ApiKeyFormat;
import com.mcpportal.portal.apikey.PlaintextKey;
import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.user.AccountSignInsRevoked;
import com.mcpportal.portal.user.ExternalAccounts;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.user.UserAccounts;
import com.mcpportal.portal.web.InvalidInputException;
import com.mcpportal.portal.web.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: issued by a user for themselves, listed, revoked, and checked on every API request.
 * A token has no roles of its own: {@link #authenticate} reloads its user, so the request acts with the user's
 * current team roles, and a disabled user's tokens stop at once.
 */
@Service
class AccessTokens {

    /** {@code mcpp_<public id>_<secret><checksum>}: the MCP key layout with its own prefix (see ApiKeyFormat). */
    static final ApiKeyFormat FORMAT = new ApiKeyFormat("mcpp");
    static final int MAX_NAME = 60;
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final AccessTokenRepository tokens;
    private final UserAccounts users;
    private final AccessTokenSettings settings;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ExternalAccounts externalAccounts;

    AccessTokens(AccessTokenRepository tokens, UserAccounts users, AccessTokenSettings settings,
            AuditLog auditLog, Clock clock, ExternalAccounts externalAccounts) {
        this.tokens = tokens;
        this.users = users;
        this.settings = settings;
        this.auditLog = auditLog;
        this.clock = clock;
        this.externalAccounts = externalAccounts;
    }

    AccessTokenSettings settings() {
        return settings;
    }

    /**
     * Issues a token once per {@code issueToken} (the issuing form's one-time token; null: no such check).
     *
     * @throws TokenAlreadyIssuedException the form was submitted before and issued a token then
     */
    @Transactional
    IssuedAccessToken issue(long userId, @Nullable String name, int lifetimeDays, @Nullable String issueToken) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("name", "Enter a name of 1 to " + MAX_NAME + " characters, e.g. the script"
                    + " or machine that uses the token.");
        }
        long maxDays = settings.maxLifetime().toDays();
        if (lifetimeDays < 1 || lifetimeDays > maxDays) {
            throw new InvalidInputException("lifetimeDays", "Choose an expiry of 1 to " + maxDays + " days.");
        }
        if (issueToken != null) {
            tokens.findByIssueToken(issueToken).ifPresent(issued -> {
                throw new TokenAlreadyIssuedException(issued.getUserId() == userId ? issued.getPublicId() : null);
            });
        }
        Instant now = clock.instant();
        PlaintextKey plaintext = FORMAT.generate();
        AccessToken token;
        try {
            token = tokens.saveAndFlush(new AccessToken(userId, plaintext, trimmed, now,
                    now.plus(Duration.ofDays(lifetimeDays)), issueToken));
        } catch (DataIntegrityViolationException race) {
            // the same form submitted twice at once: the other request issued the token
            throw new TokenAlreadyIssuedException(null);
        }
        auditLog.record(AuditEntry.success("access-token.issued").target("user", userId)
                .detail("publicId", token.getPublicId()).detail("name", trimmed)
                .detail("expiresAt", token.getExpiresAt().toString()));
        return new IssuedAccessToken(AccessTokenView.of(token, now), plaintext);
    }

    @Transactional(readOnly = true)
    List<AccessTokenView> list(long userId) {
        Instant now = clock.instant();
        return tokens.findByUserIdOrderByIdDesc(userId).stream().map(token -> AccessTokenView.of(token, now)).toList();
    }

    /** Revokes one of the user's own tokens; another user's token is a 404 like an unknown one. */
    @Transactional
    AccessTokenView revoke(long userId, long tokenId) {
        AccessToken token = tokens.findByIdAndUserId(tokenId, userId)
                .orElseThrow(() -> new NotFoundException("No such access token"));
        Instant now = clock.instant();
        if (token.getRevokedAt() == null) {
            token.revoke(now);
            auditLog.record(AuditEntry.success("access-token.revoked").target("user", userId)
                    .detail("publicId", token.getPublicId()).detail("name", token.getName()));
        }
        return AccessTokenView.of(token, now);
    }

    /**
     * An administrator reset the user's password: a token made by whoever held the account until then must not work
     * again once the user picks a new password, so every live token is revoked, in the reset's transaction.
     */
    @EventListener
    void on(AccountSignInsRevoked revoked) {
        if (revoked.cause() != AccountSignInsRevoked.Cause.PASSWORD_RESET) {
            return;
        }
        Instant now = clock.instant();
        List<AccessToken> live = tokens.findByUserIdOrderByIdDesc(revoked.userId()).stream()
                .filter(token -> token.isLive(now)).toList();
        live.forEach(token -> token.revoke(now));
        auditLog.recordAll(live.stream().map(token -> AuditEntry.success("access-token.revoked")
                .target("user", revoked.userId()).detail("publicId", token.getPublicId()).detail("name", token.getName())
                .detail("reason", revoked.cause().code())).toList());
    }

    /**
     * The user a presented token stands for, or empty when it is malformed, unknown, expired or revoked, or its
     * user is disabled. Acts as the same principal a session sign-in builds.
     */
    @Transactional
    Optional<TokenUser> authenticate(String presented) {
        if (!FORMAT.looksLikeKey(presented)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<AccessToken> token = tokens.findBySha256(ApiKeyFormat.sha256Hex(presented))
                .filter(found -> found.isLive(now));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserAccount> user = users.find(token.get().getUserId()).filter(UserAccount::isEnabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        tokens.touch(token.get().getId(), now, now.minus(TOUCH_INTERVAL));
        boolean signInTooOld = externalAccounts.lastSignIn(user.get().getId())
                .filter(last -> last.isBefore(now.minus(settings.ssoSignInWindow()))).isPresent();
        return Optional.of(new TokenUser(PortalUserPrincipal.of(user.get().getId(), user.get().getUsername(),
                user.get().isAdmin()), user.get().isMustChangePassword(), signInTooOld));
    }

    /** For the tokens page: the last sign-in with an identity provider, empty for a local account. */
    @Transactional(readOnly = true)
    Optional<Instant> lastSsoSignIn(long userId) {
        return externalAccounts.lastSignIn(userId);
    }

    /**
     * The user a live token belongs to, and whether they must change their password first: after an admin reset
     * it (a suspected leak, say) their tokens wait for the new password, as their pages do; and whether the account
     * signs in with an identity provider and has not done so within the window (its tokens wait for a sign-in).
     */
    record TokenUser(PortalUserPrincipal principal, boolean mustChangePassword, boolean signInTooOld) {
    }
}
