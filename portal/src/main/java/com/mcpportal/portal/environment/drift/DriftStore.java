package com.mcpportal.portal.environment.drift;

import java.sql.Timestamp;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The environment_drift table: one row per environment, replaced by each check. */
@Component
class DriftStore {

    private final JdbcTemplate jdbc;

    DriftStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DriftFinding> find(long environmentId) {
        return jdbc.query("SELECT environment_id, checked_at, expected, actual, drifted, message, since"
                + " FROM environment_drift WHERE environment_id = ?", (rs, row) -> new DriftFinding(rs.getLong(1),
                rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()), environmentId).stream().findFirst();
    }

    void save(DriftFinding finding) {
        jdbc.update("""
                INSERT INTO environment_drift (environment_id, checked_at, expected, actual, drifted, message, since)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (environment_id) DO UPDATE SET checked_at = EXCLUDED.checked_at,
                    expected = EXCLUDED.expected, actual = EXCLUDED.actual, drifted = EXCLUDED.drifted,
                    message = EXCLUDED.message, since = EXCLUDED.since""",
                finding.environmentId(), Timestamp.from(finding.checkedAt()), truncate(finding.expected(), 300),
                truncate(finding.actual(), 300), finding.drifted(), truncate(finding.message(), 1000),
                finding.since() == null ? null : Timestamp.from(finding.since()));
    }

    void clear(long environmentId) {
        jdbc.update("DELETE FROM environment_drift WHERE environment_id = ?", environmentId);
    }

    private static @Nullable String truncate(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
