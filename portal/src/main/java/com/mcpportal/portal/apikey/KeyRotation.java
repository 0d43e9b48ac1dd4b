package com.mcpportal.portal.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.apikey.keyset.KeySetChanged;
import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Teams' rotation policies and the work of the daily job: roll every key the policy makes due (the new key kept
 * encrypted until an owner has seen it once), and notice keys whose expiry passed (audited; their sets are
 * republished without them).
 */
@Service
public class KeyRotation {

    public static final int MAX_EVERY_DAYS = 365;

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final RotationPolicyRepository policies;
    private final ApiKeyRepository keys;
    private final ApiKeyService service;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final TeamService teams;
    private final TransactionTemplate transaction;
    private final Clock clock;

    KeyRotation(RotationPolicyRepository policies, ApiKeyRepository keys, ApiKeyService service, AuditLog auditLog,
            ApplicationEventPublisher events, TeamService teams, PlatformTransactionManager transactions,
            Clock clock) {
        this.policies = policies;
        this.keys = keys;
        this.service = service;
        this.auditLog = auditLog;
        this.events = events;
        this.teams = teams;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<RotationPolicy> policy(long teamId) {
        return policies.findById(teamId);
    }

    /** Sets (or replaces) the team's policy; owners only (the caller checked). */
    @Transactional
    public RotationPolicy setPolicy(long teamId, int everyDays, GracePeriod grace) {
        if (everyDays < 1 || everyDays > MAX_EVERY_DAYS) {
            throw new InvalidInputException("everyDays", "Roll keys every 1 to " + MAX_EVERY_DAYS + " days.");
        }
        if (grace == null) {
            throw new InvalidInputException("grace", "Choose a grace period.");
        }
        RotationPolicy policy = policies.findById(teamId).orElseGet(() -> new RotationPolicy(teamId));
        policy.change(everyDays, grace, CurrentUser.name(), clock.instant());
        policies.save(policy);
        auditLog.record(AuditEntry.success("apikey.rotation-policy.set").team(teamId).target("team", teamId)
                .detail("everyDays", everyDays).detail("grace", grace.name()));
        return policy;
    }

    /** Turns rotation off for the team. */
    @Transactional
    public void removePolicy(long teamId) {
        policies.findById(teamId).ifPresent(policy -> {
            policies.delete(policy);
            auditLog.record(AuditEntry.success("apikey.rotation-policy.removed").team(teamId).target("team", teamId)
                    .detail("everyDays", policy.getEveryDays()).detail("grace", policy.getGrace().name()));
        });
    }

    /**
     * Rolls every key that its team's policy makes due at {@code now}: created {@code everyDays} or more ago and
     * neither rolled, revoked nor expired. Archived teams are left alone. Each key rolls in its own transaction, so
     * one failure (the team's key limit) stops nothing else; it is audited as a FAILURE.
     *
     * Each roll publishes {@link RotatedKeyWaiting}. Public for the job and for other features' tests.
     *
     * @return how many keys were rolled
     */
    public int rollDue(Instant now) {
        int rolled = 0;
        for (RotationPolicy policy : policies.findAll()) {
            if (teams.archived(policy.getTeamId())) {
                continue;
            }
            Instant createdBefore = now.minus(Duration.ofDays(policy.getEveryDays()));
            for (ApiKey due : keys.findDueForRotation(policy.getTeamId(), now, createdBefore)) {
                if (rollOne(policy, due)) {
                    rolled++;
                }
            }
        }
        return rolled;
    }

    private boolean rollOne(RotationPolicy policy, ApiKey due) {
        String reason = "rotation policy: every " + policy.getEveryDays() + " days";
        try {
            transaction.executeWithoutResult(status -> {
                IssuedKey rotated = service.roll(policy.getTeamId(), due.getId(), policy.getGrace().duration(),
                        AuditEntry.SCHEDULER, reason);
                service.keepForOwners(rotated);
                events.publishEvent(new RotatedKeyWaiting(rotated.key().id(), policy.getTeamId(),
                        rotated.key().publicId(), rotated.key().name(),
                        clock.instant().plus(policy.getGrace().duration())));
            });
            return true;
        } catch (InvalidInputException | ApiKeyNotFoundException e) {
            log.warn("Rotation of key {} skipped: {}", due.getPublicId(), e.getMessage());
            auditLog.record(AuditEntry.failure("apikey.rotation.failed").team(policy.getTeamId())
                    .target("api-key", due.getId()).detail("publicId", due.getPublicId())
                    .detail("error", e.getMessage()).actor(AuditEntry.SCHEDULER));
            return false;
        }
    }

    /**
     * Audits keys whose expiry has passed since the last look, once each, and asks for their teams' sets to be
     * republished (the servers refuse expired keys on their own already; this keeps the sets small).
     *
     * @return how many keys were noticed
     */
    @Transactional
    public int noteExpired(Instant now) {
        List<ApiKey> expired = keys.findNewlyExpired(now);
        for (ApiKey key : expired) {
            key.noteExpiry(now);
            auditLog.record(AuditEntry.success("apikey.expired").team(key.getTeamId()).target("api-key", key.getId())
                    .detail("publicId", key.getPublicId()).detail("name", key.getName())
                    .detail("reason", key.getRolledToId() != null ? "grace period after roll ended" : "expiry reached")
                    .actor(AuditEntry.SYSTEM));
        }
        expired.stream().map(ApiKey::getTeamId).distinct().forEach(team -> events.publishEvent(new KeySetChanged(team)));
        return expired.size();
    }
}
