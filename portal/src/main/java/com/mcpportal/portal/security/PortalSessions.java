package com.mcpportal.portal.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.user.AccountSignInsRevoked;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in browser sessions, one {@code portal_session} row each. A session lives in the memory of the portal
 * instance that created it (load balancers keep a user on it); its row, in the shared database, is what lets its
 * owner list it and end it from any instance: {@link ActiveAccountFilter} ends a session whose row has ended at its
 * next request. Rows hold no credential: the session's id stays in its cookie and the container.
 */
@Component
class PortalSessions {

    /** The session attribute holding the session's row id. */
    static final String ATTRIBUTE = PortalSessions.class.getName() + ".id";

    /** Rows older than this are deleted; a user's sign-in addresses are remembered as long (see SignInThrottle). */
    static final Duration KEPT_FOR = Duration.ofDays(30);

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_USER_AGENT = 300;
    private static final int MAX_ADDRESS = 64;

    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    PortalSessions(JdbcTemplate jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A session as its owner sees it on the account page. */
    record SessionView(long id, Instant startedAt, Instant lastSeenAt, String clientAddress, String userAgent,
                       boolean current) {
    }

    /** Records the session a sign-in just created, and forgets the user's rows older than {@link #KEPT_FOR}. */
    @Transactional
    long started(long userId, HttpServletRequest request) {
        HttpSession session = request.getSession();
        Instant now = clock.instant();
        jdbc.update("DELETE FROM portal_session WHERE user_id = ? AND last_seen_at < ?", userId,
                Timestamp.from(now.minus(KEPT_FOR)));
        Long id = jdbc.queryForObject("""
                INSERT INTO portal_session (user_id, started_at, last_seen_at, idle_timeout_seconds, client_address,
                                            user_agent)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, userId, Timestamp.from(now), Timestamp.from(now),
                Math.max(session.getMaxInactiveInterval(), 60), truncate(request.getRemoteAddr(), MAX_ADDRESS),
                truncate(request.getHeader("User-Agent"), MAX_USER_AGENT));
        session.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /** The row id of a session, or null for a session without one (a request signed in another way). */
    static Long idOf(HttpSession session) {
        return session == null ? null : (Long) session.getAttribute(ATTRIBUTE);
    }

    /** Whether the session's row is still open; notes that it was seen (at most once a minute). */
    boolean stillOpen(long sessionId) {
        Instant now = clock.instant();
        List<Boolean> open = jdbc.queryForList("SELECT ended_at IS NULL FROM portal_session WHERE id = ?",
                Boolean.class, sessionId);
        if (open.isEmpty() || !open.get(0)) {
            return false;
        }
        jdbc.update("UPDATE portal_session SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?",
                Timestamp.from(now), sessionId, Timestamp.from(now.minus(TOUCH_INTERVAL)));
        return true;
    }

    /** The user's sessions that are neither ended nor idle past their timeout, newest first. */
    List<SessionView> open(long userId, Long currentId) {
        return jdbc.query("""
                SELECT id, started_at, last_seen_at, client_address, user_agent FROM portal_session
                 WHERE user_id = ? AND ended_at IS NULL AND last_seen_at + idle_timeout_seconds * interval '1 second' > ?
                 ORDER BY id DESC""", (rs, n) -> new SessionView(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
                        currentId != null && currentId == rs.getLong(1)),
                userId, Timestamp.from(clock.instant()));
    }

    /** Whether a session of this user started from this address since {@code since} (a device they have used). */
    boolean signedInFrom(long userId, String address, Instant since) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM portal_session WHERE user_id = ?"
                + " AND client_address = ? AND started_at > ?)", Boolean.class, userId, address, Timestamp.from(since)));
    }

    /**
     * The owner ends one of their sessions (audited); false when it is not theirs, or already ended.
     */
    @Transactional
    boolean end(long userId, long sessionId, String reason) {
        return !endWhere("user_id = ? AND id = ?", reason, userId, sessionId).isEmpty();
    }

    /** Ends every open session of the user but {@code keep} (null: all of them), audited one event each. */
    @Transactional
    int endAllExcept(long userId, Long keep, String reason) {
        return keep == null ? endWhere("user_id = ?", reason, userId).size()
                : endWhere("user_id = ? AND id <> ?", reason, userId, keep).size();
    }

    /** The session ended without anyone ending it here (timed out, signed out, portal stopped): not audited again. */
    void ended(long sessionId, String reason) {
        jdbc.update("UPDATE portal_session SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
                Timestamp.from(clock.instant()), reason, sessionId);
    }

    /** An administrator disabled the account or reset its password: every session of it ends now. */
    @EventListener
    void on(AccountSignInsRevoked revoked) {
        endAllExcept(revoked.userId(), null, revoked.cause().code());
    }

    private List<Long> endWhere(String condition, String reason, Object... values) {
        Object[] arguments = new Object[values.length + 2];
        arguments[0] = Timestamp.from(clock.instant());
        arguments[1] = reason;
        System.arraycopy(values, 0, arguments, 2, values.length);
        List<long[]> ended = jdbc.query("UPDATE portal_session SET ended_at = ?, end_reason = ? WHERE " + condition
                + " AND ended_at IS NULL RETURNING id, user_id", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                arguments);
        auditLog.recordAll(ended.stream().map(row -> AuditEntry.success("auth.session.ended").target("user", row[1])
                .detail("session", row[0]).detail("reason", reason)).toList());
        return ended.stream().map(row -> row[0]).toList();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
