package com.mcpportal.portal.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's audit log: every feature records its state changes here, inside the transaction that makes the
 * change, so the change and its record commit or roll back together.
 */
@Service
public class AuditLog {

    /** Key of the PostgreSQL advisory lock that serialises appends to the chain (any fixed number works). */
    static final long CHAIN_LOCK = 0x4155444954L; // "AUDIT"

    private static final int MAX_ACTOR = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** Uses the application's {@link Clock} bean if there is one (tests move time), else the system clock. */
    AuditLog(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Appends one event and returns its id. Joins the caller's transaction (or runs in its own); from here until
     * that transaction ends, other appends wait, which keeps the chain linear across threads and portal
     * instances. Callers run at the default READ COMMITTED isolation.
     */
    @Transactional
    public long record(AuditEntry entry) {
        RequestMetadata request = RequestMetadata.current();
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, CHAIN_LOCK);
        String prevHash = jdbc.query("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1",
                rs -> rs.next() ? rs.getString(1) : null);
        if (prevHash == null) {
            // Empty log: the very first event, or pruning removed every event and the chain continues from there.
            prevHash = jdbc.query("SELECT through_hash FROM audit_checkpoint ORDER BY through_id DESC LIMIT 1",
                    rs -> rs.next() ? rs.getString(1) : AuditHasher.GENESIS);
        }
        long id = jdbc.queryForObject("SELECT nextval('audit_event_id_seq')", Long.class);
        // Let PostgreSQL normalise the JSON first: the hash covers jsonb's canonical text, which is what the
        // verifier reads back.
        String details = jdbc.queryForObject("SELECT CAST(? AS jsonb)::text", String.class,
                JSON.writeValueAsString(entry.details()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        ChainedEvent unsigned = new ChainedEvent(id, now, actorOf(entry), entry.teamId(), entry.action(),
                entry.targetType(), entry.targetId(), entry.outcome(), request.clientIp(), request.userAgent(),
                details, prevHash, null);
        String hash = AuditHasher.hash(unsigned);
        jdbc.update("""
                INSERT INTO audit_event (id, occurred_at, actor, team_id, action, target_type, target_id, outcome,
                                         client_ip, user_agent, details, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                """, id, Timestamp.from(now), unsigned.actor(), entry.teamId(), entry.action(), entry.targetType(),
                entry.targetId(), entry.outcome().name(), request.clientIp(), request.userAgent(), details,
                prevHash, hash);
        return id;
    }

    private static String actorOf(AuditEntry entry) {
        if (entry.actor() != null && !entry.actor().isBlank()) {
            return RequestMetadata.truncate(entry.actor(), MAX_ACTOR);
        }
        return currentActor();
    }

    /** The signed-in user's name, or {@code system} outside a signed-in request. */
    static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuditEntry.SYSTEM;
        }
        return RequestMetadata.truncate(authentication.getName(), MAX_ACTOR);
    }
}
