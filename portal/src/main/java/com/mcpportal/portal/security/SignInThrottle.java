package com.mcpportal.portal.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.user.UserAccounts;
import com.mcpportal.portal.user.Usernames;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per attempted username and per client address and delays the next try with growing waits
 * ({@link SignInSettings}). Kept in the database so all portal instances agree; usernames are counted whether or
 * not the account exists, so a delay does not reveal which accounts exist. The address is the one the servlet
 * container reports: behind a proxy, what {@code server.forward-headers-strategy} and the trusted proxies accept,
 * never a header read here.
 */
@Component
class SignInThrottle {

    static final String USERNAME = "username";
    static final String ADDRESS = "address";
    static final int MAX_KEY = 100;

    private static final Duration CLEAN_UP_INTERVAL = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final SignInSettings settings;
    private final UserAccounts users;
    private final PortalSessions sessions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final AtomicReference<Instant> lastCleanUp = new AtomicReference<>(Instant.EPOCH);

    SignInThrottle(JdbcTemplate jdbc, SignInSettings settings, UserAccounts users, PortalSessions sessions,
                   AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.users = users;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A username or address that must wait before its next try. */
    record Delay(String kind, String key, int failures, Instant until) {
    }

    /**
     * How long a sign-in as {@code username} from {@code address} must still wait, if it must: the address's delay,
     * and the username's unless its account signed in from this address before.
     */
    Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Optional<Instant> byAddress = address == null ? Optional.empty() : until(ADDRESS, key(address), now);
        Optional<Instant> byUsername = until(USERNAME, key(Usernames.normalize(username)), now)
                .filter(until -> !signedInFromBefore(username, address, now));
        return Stream.of(byAddress, byUsername).flatMap(Optional::stream).max(Comparator.naturalOrder())
                .map(until -> Duration.between(now, until));
    }

    /**
     * Counts a wrong password for the username and the address; each delay it starts is audited
     * ({@code auth.sign-in.throttled}), and returned.
     */
    List<Delay> recordFailure(String username, String address) {
        Instant now = clock.instant();
        cleanUp(now);
        List<Delay> started = new ArrayList<>();
        count(USERNAME, key(Usernames.normalize(username)), settings.freeFailures(), now).ifPresent(started::add);
        if (address != null) {
            count(ADDRESS, key(address), settings.addressFreeFailures(), now).ifPresent(started::add);
        }
        auditLog.recordAll(started.stream().map(delay -> AuditEntry.failure("auth.sign-in.throttled")
                .actor("anonymous").target(USERNAME.equals(delay.kind()) ? "user" : "address", delay.key())
                .detail("kind", delay.kind()).detail("failures", delay.failures())
                .detail("delaySeconds", Duration.between(now, delay.until()).toSeconds())
                .detail("until", delay.until().toString())).toList());
        return started;
    }

    /** A successful sign-in forgets the username's failures (not the address's: a sprayer has an account too). */
    void succeeded(String username) {
        jdbc.update("DELETE FROM sign_in_throttle WHERE kind = ? AND key = ?", USERNAME,
                key(Usernames.normalize(username)));
    }

    /** Every username and address waiting now, the longest wait first: what administrators see. */
    List<Delay> delayed() {
        return jdbc.query("SELECT kind, key, failures, delayed_until FROM sign_in_throttle WHERE delayed_until > ?"
                + " ORDER BY delayed_until DESC, kind, key LIMIT 500", (rs, n) -> new Delay(rs.getString(1),
                rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant()), Timestamp.from(clock.instant()));
    }

    /** An administrator lifts a delay and forgets the failures behind it (audited); false if there was none. */
    @Transactional
    boolean clear(String kind, String key) {
        if (jdbc.update("DELETE FROM sign_in_throttle WHERE kind = ? AND key = ?", kind, key) == 0) {
            return false;
        }
        auditLog.record(AuditEntry.success("auth.sign-in.throttle-cleared")
                .target(USERNAME.equals(kind) ? "user" : "address", key).detail("kind", kind));
        return true;
    }

    private Optional<Delay> count(String kind, String key, int free, Instant now) {
        Integer failures = jdbc.queryForObject("""
                INSERT INTO sign_in_throttle (kind, key, failures, last_failure_at) VALUES (?, ?, 1, ?)
                ON CONFLICT (kind, key) DO UPDATE SET
                    failures = CASE WHEN sign_in_throttle.last_failure_at < ? THEN 1
                                    ELSE sign_in_throttle.failures + 1 END,
                    last_failure_at = EXCLUDED.last_failure_at
                RETURNING failures""", Integer.class, kind, key, Timestamp.from(now),
                Timestamp.from(now.minus(settings.forgetAfter())));
        Duration delay = settings.delayAfter(failures == null ? 1 : failures, free);
        if (delay.isZero()) {
            return Optional.empty();
        }
        Instant until = now.plus(delay);
        jdbc.update("UPDATE sign_in_throttle SET delayed_until = ? WHERE kind = ? AND key = ?", Timestamp.from(until),
                kind, key);
        return Optional.of(new Delay(kind, key, failures, until));
    }

    private Optional<Instant> until(String kind, String key, Instant now) {
        return jdbc.queryForList("SELECT delayed_until FROM sign_in_throttle WHERE kind = ? AND key = ?"
                        + " AND delayed_until > ?", Timestamp.class, kind, key, Timestamp.from(now))
                .stream().findFirst().map(Timestamp::toInstant);
    }

    private boolean signedInFromBefore(String username, String address, Instant now) {
        return address != null && users.findByUsername(username)
                .filter(account -> sessions.signedInFrom(account.getId(), address, now.minus(PortalSessions.KEPT_FOR)))
                .isPresent();
    }

    /** Counters nobody has added to for {@code forgetAfter}, and whose delay is over, are dropped (at most once a minute). */
    private void cleanUp(Instant now) {
        Instant last = lastCleanUp.get();
        if (last.plus(CLEAN_UP_INTERVAL).isBefore(now) && lastCleanUp.compareAndSet(last, now)) {
            jdbc.update("DELETE FROM sign_in_throttle WHERE last_failure_at < ? AND (delayed_until IS NULL"
                    + " OR delayed_until < ?)", Timestamp.from(now.minus(settings.forgetAfter())), Timestamp.from(now));
        }
    }

    private static String key(String value) {
        return value.length() <= MAX_KEY ? value : value.substring(0, MAX_KEY);
    }
}
