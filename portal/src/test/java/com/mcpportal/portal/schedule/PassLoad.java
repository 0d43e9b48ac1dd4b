package com.mcpportal.portal.schedule;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database work of the statements run since {@link #reset()}, from pg_stat_statements (which the benchmark's
 * PostgreSQL preloads): statements, rows, buffers and execution time, and the most frequent statements.
 */
final class PassLoad {

    private static final String MINE = "query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE 'VACUUM%'";

    private final JdbcTemplate jdbc;

    PassLoad(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void reset() {
        jdbc.execute("SELECT pg_stat_statements_reset()");
    }

    /** Totals divided by {@code passes}, then the statements that took longest, with their calls per pass. */
    String read(int passes) {
        Map<String, Object> totals = jdbc.queryForMap("SELECT coalesce(sum(calls), 0) AS calls,"
                + " coalesce(sum(rows), 0) AS rows, coalesce(sum(shared_blks_hit + shared_blks_read), 0) AS blocks,"
                + " coalesce(sum(total_exec_time), 0) AS millis FROM pg_stat_statements WHERE " + MINE);
        List<String> top = jdbc.queryForList("SELECT round(calls::numeric / ?, 1) || ' x, ' || round(total_exec_time::numeric"
                + " / ?, 1) || ' ms: ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 90) FROM pg_stat_statements WHERE "
                + MINE + " ORDER BY total_exec_time DESC LIMIT 12", String.class, passes, passes);
        return String.format("%,.0f statements, %,.0f rows, %,.0f buffers, %.1f ms executing in"
                        + " PostgreSQL%n      costliest: %s", number(totals.get("calls")) / passes,
                number(totals.get("rows")) / passes,
                number(totals.get("blocks")) / passes, number(totals.get("millis")) / passes,
                String.join("\n                   ", top));
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
