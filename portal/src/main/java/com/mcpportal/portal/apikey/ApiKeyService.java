package com.mcpportal.portal.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.mcpportal.portal.apikey.keyset.KeySetChanged;
import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.secret.SecretCipher;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.web.InvalidInputException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing, listing, revoking and rolling a team's API keys. Callers have passed {@code TeamAccess} (owners change
 * keys, every member reads metadata); ids are always looked up within the team, so another team's key is a 404.
 * Every change is audited with the key's public id and, once committed, republished to the team's MCP servers
 * ({@link KeySetChanged}). The plaintext of a key leaves this class only inside an {@link IssuedKey}.
 */
@Service
public class ApiKeyService {

    public static final int MAX_NAME = 60;

    private final ApiKeyRepository keys;
    private final RotatedKeyRevealRepository reveals;
    private final EnvironmentService environments;
    private final AuditLog auditLog;
    private final ApiKeySettings settings;
    private final SecretCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, RotatedKeyRevealRepository reveals, EnvironmentService environments,
            AuditLog auditLog, ApiKeySettings settings, SecretCipher cipher, ApplicationEventPublisher events,
            Clock clock) {
        this.keys = keys;
        this.reveals = reveals;
        this.environments = environments;
        this.auditLog = auditLog;
        this.settings = settings;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    /** The team's keys, newest first, revoked and expired ones included. */
    @Transactional(readOnly = true)
    public List<ApiKeyView> list(long teamId) {
        Instant now = clock.instant();
        Map<Long, ApiKeyView.ScopeEnvironment> scope = environmentsOf(teamId);
        Set<Long> waiting = waitingReveals(teamId);
        return keys.findByTeamIdOrderByCreatedAtDescIdDesc(teamId).stream()
                .map(key -> view(key, scope, now, waiting.contains(key.getId()))).toList();
    }

    /** Where a page of keys ends: the list's order is newest first, then highest id. */
    public record KeyPosition(Instant createdAt, long id) {
    }

    /** @param next where the following page starts, or null when this is the last */
    public record KeyPage(List<ApiKeyView> keys, @Nullable KeyPosition next) {
    }

    /** Up to {@code limit} of the team's keys in {@link #list}'s order, starting after {@code after} (null: first). */
    @Transactional(readOnly = true)
    public KeyPage page(long teamId, KeyPosition after, int limit) {
        Limit oneMore = Limit.of(limit + 1);
        List<ApiKey> found = after == null ? keys.findByTeamIdOrderByCreatedAtDescIdDesc(teamId, oneMore)
                : keys.findPageAfter(teamId, after.createdAt(), after.id(), oneMore);
        List<ApiKey> page = found.subList(0, Math.min(limit, found.size()));
        Instant now = clock.instant();
        Map<Long, ApiKeyView.ScopeEnvironment> scope = environmentsOf(teamId);
        Set<Long> waiting = waitingReveals(teamId);
        ApiKey last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new KeyPage(page.stream().map(key -> view(key, scope, now, waiting.contains(key.getId()))).toList(),
                found.size() > limit && last != null ? new KeyPosition(last.getCreatedAt(), last.getId()) : null);
    }

    /** Keys the rotation job made that no owner has seen yet. */
    private Set<Long> waitingReveals(long teamId) {
        return reveals.findByTeamId(teamId).stream().map(RotatedKeyReveal::getApiKeyId).collect(Collectors.toSet());
    }

    /**
     * Live keys of every team that expire within {@code window} from now (rolled keys aside: their successor takes
     * over), soonest first: what reminders (notifications) tell their teams about.
     */
    @Transactional(readOnly = true)
    public List<ExpiringKey> expiringWithin(Duration window) {
        Instant now = clock.instant();
        // the query finds keys by their expiry, so each has one
        return keys.findExpiringBy(now, now.plus(window)).stream().map(key -> new ExpiringKey(key.getId(),
                key.getTeamId(), key.getPublicId(), key.getName(), Objects.requireNonNull(key.getExpiresAt())))
                .toList();
    }

    /**
     * Keys of every team whose expiry passed within {@code lookback} before now, neither revoked nor rolled: they
     * ended by running out, which their teams are told about once.
     */
    @Transactional(readOnly = true)
    public List<ExpiringKey> expiredWithin(Duration lookback) {
        Instant now = clock.instant();
        return keys.findExpiringBy(now.minus(lookback), now).stream().map(key -> new ExpiringKey(key.getId(),
                key.getTeamId(), key.getPublicId(), key.getName(),
                Objects.requireNonNull(key.getExpiresAt(), "a key found by its expiry has one"))).toList();
    }

    /** The id of the key a request token issued, if any (after {@link AlreadyIssuedException} without one). */
    @Transactional(readOnly = true)
    public Optional<Long> issuedFor(long teamId, String requestToken) {
        return keys.findByIssueToken(requestToken).filter(key -> key.getTeamId() == teamId).map(ApiKey::getId);
    }

    /** One key of the team, or {@link ApiKeyNotFoundException}. */
    @Transactional(readOnly = true)
    public ApiKeyView get(long teamId, long keyId) {
        ApiKey key = keys.findByIdAndTeamId(keyId, teamId).orElseThrow(ApiKeyNotFoundException::new);
        return view(key, environmentsOf(teamId), clock.instant(), reveals.existsById(keyId));
    }

    /**
     * Issues a key. Rules are checked before anything is written.
     *
     * @throws InvalidInputException with the form field at fault ({@code name}, {@code lifetime},
     *                               {@code environmentIds}) or null for the team's key limit
     * @throws AlreadyIssuedException the command's request token was used before
     */
    @Transactional
    public IssuedKey issue(long teamId, IssueKeyCommand command) {
        Instant now = clock.instant();
        String name = validName(command.name());
        Instant expiresAt = expiryFor(command.lifetime(), now);
        Map<Long, ApiKeyView.ScopeEnvironment> teamEnvironments = environmentsOf(teamId);
        Set<Long> scope = validScope(command, teamEnvironments);
        if (command.requestToken() != null) {
            keys.findByIssueToken(command.requestToken()).ifPresent(issued -> {
                throw new AlreadyIssuedException(issued.getId(), issued.getPublicId());
            });
        }
        requireRoomFor(teamId, 1, now);
        PlaintextKey plaintext = ApiKeyFormat.MCP.generate();
        ApiKey key = new ApiKey(teamId, plaintext, name, CurrentUser.name(), now, expiresAt, command.allEnvironments(), scope);
        key.issuedFor(command.requestToken());
        try {
            keys.saveAndFlush(key);
        } catch (DataIntegrityViolationException race) {
            // The same form submitted twice at once: the other request issued the key.
            throw new AlreadyIssuedException(null, null);
        }
        ApiKeyView view = view(key, teamEnvironments, now, false);
        auditLog.record(AuditEntry.success("apikey.issued").team(teamId).target("api-key", key.getId())
                .detail("publicId", key.getPublicId()).detail("name", name).detail("scope", view.scopeLabel())
                .detail("expiresAt", String.valueOf(expiresAt)));
        events.publishEvent(new KeySetChanged(teamId));
        return new IssuedKey(view, plaintext);
    }

    /** Revokes the key at once; allowed on archived teams too, since a leaked key must always be stoppable. */
    @Transactional
    public ApiKeyView revoke(long teamId, long keyId) {
        Instant now = clock.instant();
        ApiKey key = keys.findForUpdate(keyId, teamId).orElseThrow(ApiKeyNotFoundException::new);
        if (key.getRevokedAt() != null) {
            throw new InvalidInputException(null, "Key " + key.getPublicId() + " was already revoked.");
        }
        boolean wasLive = key.isLive(now);
        key.revoke(CurrentUser.name(), now);
        reveals.findById(keyId).ifPresent(reveals::delete);
        auditLog.record(AuditEntry.success("apikey.revoked").team(teamId).target("api-key", keyId)
                .detail("publicId", key.getPublicId()).detail("name", key.getName()).detail("wasLive", wasLive));
        events.publishEvent(new KeySetChanged(teamId));
        return view(key, environmentsOf(teamId), now, false);
    }

    /**
     * Rolls the key: a new key with the same name, scope and lifetime now, and the old one valid for
     * {@code grace} more (never longer than it already was).
     *
     * @throws InvalidInputException the key is revoked, expired or already rolled
     */
    @Transactional
    public IssuedKey roll(long teamId, long keyId, Duration grace) {
        return roll(teamId, keyId, grace, CurrentUser.name(), null);
    }

    IssuedKey roll(long teamId, long keyId, @Nullable Duration grace, String actor, @Nullable String reason) {
        if (grace == null || grace.isNegative()) {
            throw new InvalidInputException("grace", "Choose a grace period.");
        }
        Instant now = clock.instant();
        ApiKey old = keys.findForUpdate(keyId, teamId).orElseThrow(ApiKeyNotFoundException::new);
        if (!old.isRollable(now)) {
            throw new InvalidInputException(null, old.getRolledToId() != null && old.isLive(now)
                    ? "Key " + old.getPublicId() + " was already rolled; roll its successor instead."
                    : "Key " + old.getPublicId() + " is " + ApiKeyStatus.of(old, now).label().toLowerCase()
                            + " and cannot be rolled; issue a new key.");
        }
        requireRoomFor(teamId, grace.isZero() ? 0 : 1, now);
        Map<Long, ApiKeyView.ScopeEnvironment> teamEnvironments = environmentsOf(teamId);
        Set<Long> scope = old.getEnvironmentIds().stream().filter(teamEnvironments::containsKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!old.isAllEnvironments() && scope.isEmpty()) {
            throw new InvalidInputException(null, "Every environment of key " + old.getPublicId()
                    + " has been deleted; issue a new key instead.");
        }
        PlaintextKey plaintext = ApiKeyFormat.MCP.generate();
        ApiKey successor = new ApiKey(teamId, plaintext, old.getName(), actor, now, successorExpiry(old, now),
                old.isAllEnvironments(), scope);
        keys.saveAndFlush(successor);
        old.rollTo(successor, now, now.plus(grace));
        AuditEntry entry = AuditEntry.success("apikey.rolled").team(teamId).target("api-key", keyId)
                .detail("publicId", old.getPublicId()).detail("newPublicId", successor.getPublicId())
                .detail("name", old.getName()).detail("graceSeconds", grace.toSeconds())
                .detail("oldExpiresAt", String.valueOf(old.getExpiresAt()))
                .detail("newExpiresAt", String.valueOf(successor.getExpiresAt()));
        auditLog.record(reason == null ? entry : entry.actor(actor).detail("reason", reason));
        events.publishEvent(new KeySetChanged(teamId));
        return new IssuedKey(view(successor, teamEnvironments, now, false), plaintext);
    }

    /** Keeps a key the rotation job made, encrypted, until an owner has seen it ({@link #revealRotated}). */
    void keepForOwners(IssuedKey rotated) {
        long keyId = rotated.key().id();
        reveals.save(new RotatedKeyReveal(keyId, rotated.key().teamId(),
                cipher.encrypt(rotated.plaintext().reveal(), RotatedKeyReveal.context(keyId)), clock.instant()));
    }

    /**
     * The key the rotation job made, once: the encrypted copy is deleted in the same transaction. Empty when
     * another owner has already seen it (or the key was revoked since).
     */
    @Transactional
    public Optional<IssuedKey> revealRotated(long teamId, long keyId) {
        Optional<RotatedKeyReveal> waiting = reveals.findForUpdate(keyId, teamId);
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        ApiKey key = keys.findByIdAndTeamId(keyId, teamId).orElseThrow(ApiKeyNotFoundException::new);
        PlaintextKey plaintext = new PlaintextKey(cipher.decrypt(waiting.get().getSealedKey(),
                RotatedKeyReveal.context(keyId)), ApiKeyFormat.MCP);
        reveals.delete(waiting.get());
        auditLog.record(AuditEntry.success("apikey.rotated-key.viewed").team(teamId).target("api-key", keyId)
                .detail("publicId", key.getPublicId()).detail("name", key.getName()));
        return Optional.of(new IssuedKey(view(key, environmentsOf(teamId), clock.instant(), false), plaintext));
    }

    /** The expiry the issue form offers as its default. */
    public Duration defaultLifetime() {
        return settings.defaultLifetime();
    }

    private String validName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "Enter a name, e.g. the client or person that uses the key.");
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "Use at most " + MAX_NAME + " characters on one line.");
        }
        return name;
    }

    private @Nullable Instant expiryFor(@Nullable Duration lifetime, Instant now) {
        if (lifetime == null) {
            if (!settings.allowsNoExpiry()) {
                throw new InvalidInputException("lifetime", "Keys must expire within "
                        + settings.maxLifetime().toDays() + " days here.");
            }
            return null;
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new InvalidInputException("lifetime", "Choose when the key expires.");
        }
        if (!settings.withinMaximum(lifetime)) {
            throw new InvalidInputException("lifetime", "Keys may be valid for at most "
                    + settings.maxLifetime().toDays() + " days.");
        }
        return now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The successor lives as long as the old key was meant to, within today's maximum. */
    private @Nullable Instant successorExpiry(ApiKey old, Instant now) {
        Duration lifetime = old.getExpiresAt() == null ? null : Duration.between(old.getCreatedAt(), old.getExpiresAt());
        if (!settings.withinMaximum(lifetime)) {
            lifetime = settings.maxLifetime();
        }
        return lifetime == null ? null : now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Set<Long> validScope(IssueKeyCommand command,
            Map<Long, ApiKeyView.ScopeEnvironment> teamEnvironments) {
        if (command.allEnvironments()) {
            return Set.of();
        }
        if (command.environmentIds().isEmpty()) {
            throw new InvalidInputException("environmentIds", "Choose at least one environment, or all of them.");
        }
        if (!teamEnvironments.keySet().containsAll(command.environmentIds())) {
            throw new InvalidInputException("environmentIds", "Choose environments of this team.");
        }
        return command.environmentIds();
    }

    private void requireRoomFor(long teamId, int more, Instant now) {
        long live = keys.countLive(teamId, now);
        if (live + more > settings.maxActivePerTeam()) {
            throw new InvalidInputException(null, "This team has " + live + " valid keys, the most its MCP"
                    + " servers' key set holds. Revoke keys that are no longer used"
                    + (more == 1 ? " (or roll without a grace period)." : "."));
        }
    }

    /** The team's environments (deleted ones left out) as keys' scopes show them, by id. */
    private Map<Long, ApiKeyView.ScopeEnvironment> environmentsOf(long teamId) {
        return environments.listForTeam(teamId).stream().collect(Collectors.toMap(Environment::getId,
                environment -> new ApiKeyView.ScopeEnvironment(environment.getId(), environment.getName(),
                        environment.getCloudId(), environment.resources().mcpUrl())));
    }

    ApiKeyView view(ApiKey key, Map<Long, ApiKeyView.ScopeEnvironment> teamEnvironments, Instant now,
            boolean rotatedKeyWaiting) {
        List<ApiKeyView.ScopeEnvironment> scope = (key.isAllEnvironments() ? teamEnvironments.keySet()
                : key.getEnvironmentIds()).stream().sorted().map(id -> teamEnvironments.getOrDefault(id,
                        new ApiKeyView.ScopeEnvironment(id, "deleted environment", null, null))).toList();
        ApiKeyStatus status = ApiKeyStatus.of(key, now);
        boolean expiringSoon = key.isLive(now) && key.getExpiresAt() != null
                && key.getExpiresAt().isBefore(now.plus(settings.expiringSoon()));
        return new ApiKeyView(key.getId(), key.getTeamId(), key.getPublicId(), key.getName(), key.getCreatedBy(),
                key.getCreatedAt(), key.getExpiresAt(), key.isAllEnvironments(), scope, key.getRevokedAt(),
                key.getRevokedBy(), key.getRolledFromId(), key.getRolledToId(), key.getRolledAt(), status, expiringSoon,
                rotatedKeyWaiting);
    }
}
