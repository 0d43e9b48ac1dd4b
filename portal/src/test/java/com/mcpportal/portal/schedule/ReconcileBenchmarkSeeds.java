package com.mcpportal.portal.schedule;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for {@link ScheduleReconcileBenchmark}: clones of one environment the portal provisioned in the simulated
 * cloud (same account, settings and resources JSON, each with its own succeeded provisioning operation), spread
 * over 100 teams, each with a schedule of its own and its power set as the benchmark needs it. Bulk SQL, because
 * seeding is set-up, not what is measured.
 */
final class ReconcileBenchmarkSeeds {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int TEAMS = 100;

    private final JdbcTemplate jdbc;

    ReconcileBenchmarkSeeds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code count} READY clones of the template (power OFF for now), in the order of their ids. */
    List<Long> environments(long templateId, int count) {
        jdbc.update("INSERT INTO team (name, created_at) SELECT 'Benchmark team ' || i, now()"
                + " FROM generate_series(1, ?) i", TEAMS);
        jdbc.update("""
                INSERT INTO environment (team_id, cloud_account_id, cloud_id, name, region, cpu, memory_mib,
                                         architecture, image_source, image_tag, image_uri, nat_instance_type, nat_spot,
                                         fargate_spot, log_retention_days, allowed_cidrs, state, power, resources,
                                         created_at, updated_at)
                SELECT teams.ids[1 + n % ?], t.cloud_account_id, 'bench-' || n, 'bench-' || n, t.region, t.cpu,
                       t.memory_mib, t.architecture, t.image_source, t.image_tag, t.image_uri, t.nat_instance_type,
                       t.nat_spot, t.fargate_spot, t.log_retention_days, t.allowed_cidrs, 'READY', 'OFF', t.resources,
                       t.created_at, t.updated_at
                FROM environment t, generate_series(1, ?) n,
                     (SELECT array_agg(id ORDER BY id) AS ids FROM team WHERE name LIKE 'Benchmark team %') teams
                WHERE t.id = ?""", TEAMS, count, templateId);
        jdbc.update("""
                INSERT INTO operation (environment_id, kind, state, requested_by, created_at, started_at, finished_at,
                                       runs)
                SELECT id, 'PROVISION', 'SUCCEEDED', 'bench-owner', created_at, created_at, created_at, 1
                FROM environment WHERE cloud_id LIKE 'bench-%'""");
        return jdbc.queryForList("SELECT id FROM environment WHERE cloud_id LIKE 'bench-%' ORDER BY id", Long.class);
    }

    /**
     * Gives each environment the next schedule from the supplier (changed at {@code changedAt}) and the power
     * its schedule wants at {@code poweredFor}; returns how many are ON.
     */
    int schedules(List<Long> ids, Supplier<Schedule> next, Instant changedAt, Instant poweredFor) {
        List<Schedule> schedules = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            schedules.add(next.get());
        }
        jdbc.batchUpdate("""
                INSERT INTO environment_schedule (environment_id, zone, windows, exceptions, enabled, when_disabled,
                                                  override_state, override_until, updated_at, updated_by)
                VALUES (?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, 'bench-owner')
                ON CONFLICT (environment_id) DO UPDATE SET zone = excluded.zone, windows = excluded.windows,
                    exceptions = excluded.exceptions, enabled = excluded.enabled,
                    when_disabled = excluded.when_disabled, override_state = excluded.override_state,
                    override_until = excluded.override_until, updated_at = excluded.updated_at,
                    version = environment_schedule.version + 1""", rows(ids.size(), (ps, i) -> {
            Schedule schedule = schedules.get(i);
            ps.setLong(1, ids.get(i));
            ps.setString(2, schedule.zone().getId());
            ps.setString(3, ScheduleJson.windows(schedule.windows()));
            ps.setString(4, ScheduleJson.exceptions(schedule.exceptions()));
            ps.setBoolean(5, schedule.enabled());
            ps.setString(6, schedule.whenDisabled().name());
            ps.setString(7, schedule.override() == null ? null : schedule.override().state().name());
            ps.setTimestamp(8, schedule.override() == null ? null : Timestamp.from(schedule.override().until()));
            ps.setTimestamp(9, Timestamp.from(changedAt));
        }));
        int[] on = {0};
        jdbc.batchUpdate("UPDATE environment SET power = ? WHERE id = ?", rows(ids.size(), (ps, i) -> {
            PowerState power = schedules.get(i).desiredStateAt(poweredFor);
            on[0] += power == PowerState.ON ? 1 : 0;
            ps.setString(1, power.name());
            ps.setLong(2, ids.get(i));
        }));
        return on[0];
    }

    /**
     * A random schedule (zone, windows, exceptions, override, enabled) bent so that it is OFF just before
     * {@code boundary} (a Monday 08:00 in Berlin) and opens exactly then: Berlin's zone, no override, enabled, no
     * other Monday window, no Sunday window running into Monday, no exception on that day or the one before.
     */
    static Schedule openingAt(RandomSchedules random, Instant boundary) {
        LocalDate day = boundary.atZone(BERLIN).toLocalDate();
        while (true) {
            Schedule base = random.schedule();
            List<ScheduleWindow> windows = new ArrayList<>(base.windows().stream()
                    .filter(w -> w.day() != DayOfWeek.MONDAY && !(w.day() == DayOfWeek.SUNDAY && w.crossesMidnight()))
                    .toList());
            windows.add(new ScheduleWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(random.between(9, 20), 0)));
            List<DateException> exceptions = base.exceptions().stream()
                    .filter(e -> e.last().isBefore(day.minusDays(1)) || e.first().isAfter(day)).toList();
            Schedule schedule = new Schedule(BERLIN, windows, exceptions, null, true, base.whenDisabled());
            if (schedule.desiredStateAt(boundary.minusSeconds(1)) == PowerState.OFF
                    && schedule.desiredStateAt(boundary) == PowerState.ON) {
                return schedule;
            }
        }
    }

    private interface RowSetter {
        void set(PreparedStatement ps, int i) throws SQLException;
    }

    private static BatchPreparedStatementSetter rows(int size, RowSetter setter) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setter.set(ps, i);
            }

            @Override
            public int getBatchSize() {
                return size;
            }
        };
    }
}
