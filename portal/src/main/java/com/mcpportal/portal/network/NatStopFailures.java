package com.mcpportal.portal.network;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A shared network's NAT instance the portal could not stop: kept until a later attempt stops it or an environment
 * needs it again, for the network's page (the failure itself is audited once, when it first happens).
 */
@Repository
class NatStopFailures {

    /**
     * @param retryAt when the portal tries again, or null when it does not (nothing is pending)
     */
    record NatStopFailure(Instant failedAt, String error, Instant retryAt) {
    }

    private final JdbcTemplate jdbc;

    NatStopFailures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the failure; true when the network had none recorded yet (the first of a run of failures). */
    boolean record(long networkId, Instant at, String error, Instant retryAt) {
        String text = error == null || error.isBlank() ? "no message" : error;
        String trimmed = text.length() > 1000 ? text.substring(0, 997) + "..." : text;
        Integer before = jdbc.queryForObject("SELECT count(*) FROM network_nat_stop_failure WHERE network_id = ?",
                Integer.class, networkId);
        jdbc.update("""
                INSERT INTO network_nat_stop_failure (network_id, failed_at, error, retry_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (network_id) DO UPDATE SET failed_at = EXCLUDED.failed_at, error = EXCLUDED.error,
                    retry_at = EXCLUDED.retry_at""", networkId, Timestamp.from(at), trimmed,
                retryAt == null ? null : Timestamp.from(retryAt));
        return before == null || before == 0;
    }

    /** Forgets the failure: the NAT stopped, or an environment needs it again. True when there was one. */
    boolean clear(long networkId) {
        return jdbc.update("DELETE FROM network_nat_stop_failure WHERE network_id = ?", networkId) > 0;
    }

    Optional<NatStopFailure> of(long networkId) {
        return jdbc.query("SELECT failed_at, error, retry_at FROM network_nat_stop_failure WHERE network_id = ?",
                (rs, row) -> new NatStopFailure(rs.getTimestamp("failed_at").toInstant(), rs.getString("error"),
                        rs.getTimestamp("retry_at") == null ? null : rs.getTimestamp("retry_at").toInstant()),
                networkId).stream().findFirst();
    }
}
