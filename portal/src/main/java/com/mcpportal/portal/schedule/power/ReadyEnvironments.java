package com.mcpportal.portal.schedule.power;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.operation.PowerBatch;
import com.mcpportal.portal.schedule.DateException;
import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleJson;
import com.mcpportal.portal.schedule.ScheduleSettings;
import com.mcpportal.portal.schedule.ScheduleWindow;
import com.mcpportal.portal.schedule.WhenDisabled;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Loads every ready environment with the schedule it follows, for the reconcile pass, in one query, and the latest
 * operation of those the pass may act on in a second. It reads the environment and operation tables directly (a
 * read-only projection) because a pass over ten thousand environments must not cost a query per environment.
 * Most environments are in their desired state at any moment and need no operation looked up, so the pass asks
 * for operations only for the others ({@link #withLatestOperations}); the lateral join walks the
 * {@code operation_by_environment} index one row deep per environment asked for. Windows and exceptions are parsed
 * once per distinct JSON text, and kept from one pass to the next: schedules rarely change between passes.
 */
@Repository
public class ReadyEnvironments {

    public static final String SELECT = """
            SELECT e.id, e.team_id, e.power,
                   s.environment_id IS NOT NULL AS own,
                   COALESCE(s.zone, t.zone) AS zone,
                   COALESCE(s.windows, t.windows)::text AS windows,
                   COALESCE(s.exceptions, t.exceptions)::text AS exceptions,
                   COALESCE(s.enabled, t.enabled) AS enabled,
                   COALESCE(s.when_disabled, t.when_disabled) AS when_disabled,
                   s.override_state, s.override_until,
                   COALESCE(s.updated_at, t.updated_at) AS changed_at
            FROM environment e
            LEFT JOIN environment_schedule s ON s.environment_id = e.id
            LEFT JOIN team_schedule t ON t.team_id = e.team_id AND s.environment_id IS NULL
            WHERE e.state = 'READY'
            """;

    // The same operations PowerBatch decides on, so the latest one seen here is the one it checks under the lock.
    private static final String LATEST = """
            SELECT ids.id AS environment_id, o.id, o.kind, o.state, o.requested_by, o.created_at
            FROM unnest(?::bigint[]) AS ids (id)
            JOIN LATERAL (SELECT id, kind, state, requested_by, created_at FROM operation
                          WHERE environment_id = ids.id AND %s ORDER BY id DESC LIMIT 1) o ON true
            """.formatted(PowerBatch.SCHEDULER_SEES);

    private final JdbcTemplate jdbc;
    private final ScheduleSettings settings;
    /** The parsed windows and exceptions of the last pass, by JSON text; replaced (not grown) by every pass. */
    private volatile Parsed lastPass = new Parsed(Map.of(), Map.of());

    ReadyEnvironments(JdbcTemplate jdbc, ScheduleSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Every ready environment, by id, without its latest operation ({@code latest} is null): enough to tell
     * whether it is in its desired state. Ask {@link #withLatestOperations} for those that are not.
     */
    public List<ReadyEnvironment> allWithoutOperations() {
        Parser parser = new Parser(Schedule.defaultFor(settings.defaultZone()), lastPass);
        List<ReadyEnvironment> ready = jdbc.query(SELECT + " ORDER BY e.id", (rs, row) -> parser.row(rs));
        lastPass = parser.parsed;
        return ready;
    }

    /** The environments again, each with its latest operation (null when it has none), in one query. */
    public List<ReadyEnvironment> withLatestOperations(List<ReadyEnvironment> environments) {
        if (environments.isEmpty()) {
            return environments;
        }
        Object[] ids = environments.stream().map(ReadyEnvironment::id).toArray();
        Map<Long, ReadyEnvironment.LatestOperation> latest = new HashMap<>();
        jdbc.query(LATEST, ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)),
                rs -> {
                    latest.put(rs.getLong("environment_id"), Parser.operation(rs));
                });
        return environments.stream().map(e -> new ReadyEnvironment(e.id(), e.teamId(), e.power(), e.schedule(),
                e.scheduleChangedAt(), latest.get(e.id()))).toList();
    }

    /** One environment with its latest operation, if it is ready. */
    public Optional<ReadyEnvironment> one(long environmentId) {
        Parser parser = new Parser(Schedule.defaultFor(settings.defaultZone()), lastPass);
        return withLatestOperations(jdbc.query(SELECT + " AND e.id = ?", (rs, row) -> parser.row(rs),
                environmentId)).stream().findFirst();
    }

    private record Parsed(Map<String, List<ScheduleWindow>> windows, Map<String, List<DateException>> exceptions) {
    }

    /** Turns rows into values, parsing each distinct windows/exceptions JSON once (or not at all, if known). */
    private static final class Parser {

        private final Schedule portalDefault;
        private final Parsed known;
        private final Parsed parsed = new Parsed(new HashMap<>(), new HashMap<>());
        private final Map<String, ZoneId> zones = new HashMap<>();

        Parser(Schedule portalDefault, Parsed known) {
            this.portalDefault = portalDefault;
            this.known = known;
        }

        /** The environment without its latest operation. */
        ReadyEnvironment row(ResultSet rs) throws SQLException {
            Schedule schedule = schedule(rs);
            String power = rs.getString("power");
            return new ReadyEnvironment(rs.getLong("id"), rs.getLong("team_id"),
                    power == null ? null : EnvironmentPower.valueOf(power), schedule,
                    instant(rs.getTimestamp("changed_at")), null);
        }

        static ReadyEnvironment.LatestOperation operation(ResultSet rs) throws SQLException {
            return new ReadyEnvironment.LatestOperation(rs.getLong("id"), rs.getString("kind"),
                    isInFlight(rs.getString("state")), rs.getString("requested_by"),
                    instant(rs.getTimestamp("created_at")));
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
                    parsed.windows().computeIfAbsent(rs.getString("windows"),
                            text -> reuse(known.windows(), text, ScheduleJson::windows)),
                    parsed.exceptions().computeIfAbsent(rs.getString("exceptions"),
                            text -> reuse(known.exceptions(), text, ScheduleJson::exceptions)),
                    override, rs.getBoolean("enabled"), WhenDisabled.valueOf(rs.getString("when_disabled")));
        }

        private static <T> T reuse(Map<String, T> known, String text, Function<String, T> parse) {
            T value = known.get(text);
            return value != null ? value : parse.apply(text);
        }

        private static boolean isInFlight(String state) {
            return "QUEUED".equals(state) || "RUNNING".equals(state);
        }

        private static Instant instant(Timestamp timestamp) {
            return timestamp == null ? null : timestamp.toInstant();
        }
    }
}
