package com.mcpportal.portal.schedule;

import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/** Rows for schedule tests and the benchmark, written with SQL: teams, environments in a given state, operations. */
final class ScheduleRows {

    private final JdbcTemplate jdbc;

    ScheduleRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long team(String name) {
        return jdbc.queryForObject("INSERT INTO team (name, created_at) VALUES (?, now()) RETURNING id", Long.class,
                name + " " + System.nanoTime());
    }

    long simulatedAccount() {
        return jdbc.queryForObject("SELECT min(id) FROM cloud_account WHERE mode = 'SIMULATED'", Long.class);
    }

    /** An environment in the state with the power (null for none), in the simulated account. */
    long environment(long teamId, String state, String power) {
        String cloudId = Long.toHexString(System.nanoTime());
        return jdbc.queryForObject("""
                INSERT INTO environment (team_id, cloud_account_id, cloud_id, name, region, cpu, memory_mib, architecture,
                                         image_source, image_tag, nat_instance_type, nat_spot, fargate_spot,
                                         log_retention_days, state, power, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'eu-central-1', 256, 512, 'ARM64', 'REPOSITORY', 'latest', 't4g.nano', false, false, 7,
                        ?, ?, now(), now())
                RETURNING id""", Long.class, teamId, simulatedAccount(), cloudId, "env-" + cloudId, state, power);
    }

    long operation(long environmentId, String kind, String state, String requestedBy, Instant createdAt) {
        return jdbc.queryForObject("""
                INSERT INTO operation (environment_id, kind, state, requested_by, created_at)
                VALUES (?, ?, ?, ?, ?) RETURNING id""", Long.class, environmentId, kind, state, requestedBy,
                java.sql.Timestamp.from(createdAt));
    }
}
