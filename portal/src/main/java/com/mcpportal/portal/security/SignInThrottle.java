package com.mcpportal.portal.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.mcpportal.portal.user.Usernames;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Locks a username for {@link SignInSettings#lockout()} after {@link SignInSettings#maxFailures()} failed
 * sign-ins. Kept in the database so all portal instances agree, and keyed by the attempted name whether or not
 * such an account exists, so the lock-out message does not reveal which accounts exist.
 */
@Component
class SignInThrottle {

    static final int MAX_KEY = 100;

    private final JdbcTemplate jdbc;
    private final SignInSettings settings;
    private final Clock clock = Clock.systemUTC();

    SignInThrottle(JdbcTemplate jdbc, SignInSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Until when this username is locked, if it is. */
    Optional<Instant> lockedUntil(String username) {
        List<Timestamp> until = jdbc.queryForList(
                "SELECT locked_until FROM sign_in_throttle WHERE username = ? AND locked_until > ?",
                Timestamp.class, key(username), Timestamp.from(clock.instant()));
        return until.stream().findFirst().map(Timestamp::toInstant);
    }

    /** Counts a failed attempt; returns true if this attempt locked the username. */
    boolean recordFailure(String username) {
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(settings.lockout()));
        Integer failures = jdbc.queryForObject("""
                INSERT INTO sign_in_throttle (username, failures, window_started_at) VALUES (?, 1, ?)
                ON CONFLICT (username) DO UPDATE SET
                    failures = CASE WHEN sign_in_throttle.window_started_at < ? THEN 1
                                    ELSE sign_in_throttle.failures + 1 END,
                    window_started_at = CASE WHEN sign_in_throttle.window_started_at < ? THEN EXCLUDED.window_started_at
                                             ELSE sign_in_throttle.window_started_at END
                RETURNING failures
                """, Integer.class, key(username), Timestamp.from(now), windowStart, windowStart);
        if (failures != null && failures >= settings.maxFailures()) {
            jdbc.update("UPDATE sign_in_throttle SET failures = 0, window_started_at = ?, locked_until = ? WHERE username = ?",
                    Timestamp.from(now), Timestamp.from(now.plus(settings.lockout())), key(username));
            return true;
        }
        return false;
    }

    /** A successful sign-in forgets earlier failures. */
    void reset(String username) {
        jdbc.update("DELETE FROM sign_in_throttle WHERE username = ?", key(username));
    }

    private static String key(String username) {
        String normalized = Usernames.normalize(username);
        return normalized.length() <= MAX_KEY ? normalized : normalized.substring(0, MAX_KEY);
    }
}
