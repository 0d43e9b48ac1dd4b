package com.mcpportal.portal.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mcpportal.portal.environment.EnvironmentPower;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Loads every ready environment with the schedule it follows and its latest operation in one query, for the
 * reconcile pass. It reads the environment and operation tables directly (a read-only projection) because a
 * pass over ten thousand environments must not cost a query per environment; the lateral join walks the
 * {@code operation_by_environment} index one row deep per environment. Windows and exceptions are parsed once
 * per distinct JSON text: most environments share the few plans they copied.
 */
@Repository
class ReadyEnvironments {

    static final String SELECT = """
            SELECT e.id, e.team_id, e.power,
                   s.environment_id IS NOT NULL AS own,
                   COALESCE(s.zone, t.zone) AS zone,
                   COALESCE(s.windows, t.windows)::text AS windows,
                   COALESCE(s.exceptions, t.exceptions)::text AS exceptions,
                   COALESCE(s.enabled, t.enabled) AS enabled,
                   COALESCE(s.when_disabled, t.when_disabled) AS when_disabled,
                   s.override_state, s.override_until,
                   COALESCE(s.updated_at, t.updated_at) AS changed_at,
                   o.id AS op_id, o.kind AS op_kind, o.state AS op_state, o.requested_by AS op_by,
                   o.created_at AS op_at
            FROM environment e
            LEFT JOIN environment_schedule s ON s.environment_id = e.id
            LEFT JOIN team_schedule t ON t.team_id = e.team_id AND s.environment_id IS NULL
            LEFT JOIN LATERAL (SELECT id, kind, state, requested_by, created_at FROM operation
                               WHERE environment_id = e.id ORDER BY id DESC LIMIT 1) o ON true
            WHERE e.state = 'READY'
            """;

    private final JdbcTemplate jdbc;
    private final ScheduleSettings settings;

    ReadyEnvironments(JdbcTemplate jdbc, ScheduleSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Every ready environment, by id. */
    List<ReadyEnvironment> all() {
        Parser parser = new Parser(Schedule.defaultFor(settings.defaultZone()));
        return jdbc.query(SELECT + " ORDER BY e.id", (rs, row) -> parser.row(rs));
    }

    /** One environment, if it is ready. */
    Optional<ReadyEnvironment> one(long environmentId) {
        Parser parser = new Parser(Schedule.defaultFor(settings.defaultZone()));
        return jdbc.query(SELECT + " AND e.id = ?", (rs, row) -> parser.row(rs), environmentId).stream().findFirst();
    }

    /** Turns rows into values, parsing each distinct windows/exceptions JSON once. */
    private static final class Parser {

        private final Schedule portalDefault;
        private final Map<String, List<ScheduleWindow>> windows = new HashMap<>();
        private final Map<String, List<DateException>> exceptions = new HashMap<>();
        private final Map<String, ZoneId> zones = new HashMap<>();

        Parser(Schedule portalDefault) {
            this.portalDefault = portalDefault;
        }

        ReadyEnvironment row(ResultSet rs) throws SQLException {
            Schedule schedule = schedule(rs);
            long opId = rs.getLong("op_id");
            ReadyEnvironment.LatestOperation latest = rs.wasNull() ? null : new ReadyEnvironment.LatestOperation(
                    opId, rs.getString("op_kind"), isInFlight(rs.getString("op_state")),
                    rs.getString("op_by"), instant(rs.getTimestamp("op_at")));
            String power = rs.getString("power");
            return new ReadyEnvironment(rs.getLong("id"), rs.getLong("team_id"),
                    power == null ? null : EnvironmentPower.valueOf(power), schedule,
                    instant(rs.getTimestamp("changed_at")), latest);
        }

        private Schedule schedule(ResultSet rs) throws SQLException {
            String zone = rs.getString("zone");
            if (zone == null) {
                return portalDefault;
            }
            String overrideState = rs.getString("override_state");
            ManualOverride override = overrideState == null ? null
                    : new ManualOverride(PowerState.valueOf(overrideState), instant(rs.getTimestamp("override_until")));
            return new Schedule(zones.computeIfAbsent(zone, ZoneId::of),
                    windows.computeIfAbsent(rs.getString("windows"), ScheduleJson::windows),
                    exceptions.computeIfAbsent(rs.getString("exceptions"), ScheduleJson::exceptions),
                    override, rs.getBoolean("enabled"), WhenDisabled.valueOf(rs.getString("when_disabled")));
        }

        private static boolean isInFlight(String state) {
            return "QUEUED".equals(state) || "RUNNING".equals(state);
        }

        private static Instant instant(Timestamp timestamp) {
            return timestamp == null ? null : timestamp.toInstant();
        }
    }
}
