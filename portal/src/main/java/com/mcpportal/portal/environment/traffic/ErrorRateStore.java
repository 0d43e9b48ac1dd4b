package com.mcpportal.portal.environment.traffic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mcpportal.portal.cloud.HourlyRequests;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The environment_error_rate table: one row per environment, replaced by each check. */
@Component
class ErrorRateStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<HourlyRequests>> HOURS = new TypeReference<>() { };
    private static final String COLUMNS = "environment_id, checked_at, figures_at, hours::text, window_requests,"
            + " window_errors, flagged, flagged_since, message";

    private final JdbcTemplate jdbc;

    ErrorRateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ErrorRateStatus> find(long environmentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM environment_error_rate WHERE environment_id = ?",
                ErrorRateStore::status, environmentId).stream().findFirst();
    }

    /** Which of the environments are flagged now. */
    Set<Long> flagged(Collection<Long> environmentIds) {
        if (environmentIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.queryForList("SELECT environment_id FROM environment_error_rate"
                + " WHERE flagged AND environment_id = ANY (?)", Long.class,
                (Object) environmentIds.toArray(Long[]::new)));
    }

    void save(ErrorRateStatus status) {
        jdbc.update("""
                INSERT INTO environment_error_rate (environment_id, checked_at, figures_at, hours, window_requests,
                                                    window_errors, flagged, flagged_since, message)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)
                ON CONFLICT (environment_id) DO UPDATE SET checked_at = EXCLUDED.checked_at,
                    figures_at = EXCLUDED.figures_at, hours = EXCLUDED.hours,
                    window_requests = EXCLUDED.window_requests, window_errors = EXCLUDED.window_errors,
                    flagged = EXCLUDED.flagged, flagged_since = EXCLUDED.flagged_since, message = EXCLUDED.message""",
                status.environmentId(), Timestamp.from(status.checkedAt()), timestamp(status.figuresAt()),
                JSON.writeValueAsString(status.hours()), status.windowRequests(), status.windowErrors(),
                status.flagged(), timestamp(status.flaggedSince()), truncate(status.message()));
    }

    private static ErrorRateStatus status(ResultSet rs, int row) throws SQLException {
        return new ErrorRateStatus(rs.getLong(1), rs.getTimestamp(2).toInstant(), instant(rs.getTimestamp(3)),
                JSON.readValue(rs.getString(4), HOURS), rs.getLong(5), rs.getLong(6), rs.getBoolean(7),
                instant(rs.getTimestamp(8)), rs.getString(9));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
