package com.mcpportal.portal.cost.pricing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The record of price refresh runs ({@code price_refresh}). */
@Repository
public class PriceRefreshLog {

    private final JdbcTemplate jdbc;

    PriceRefreshLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void record(PriceRefreshRun run) {
        jdbc.update("""
                INSERT INTO price_refresh (started_at, finished_at, trigger, outcome, regions, prices_stored, message)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, Timestamp.from(run.startedAt()), Timestamp.from(run.finishedAt()), cut(run.trigger(), 30),
                run.outcome().name(), cut(run.regions(), 500), run.pricesStored(), cut(run.message(), 2000));
    }

    @Transactional(readOnly = true)
    public List<PriceRefreshRun> recent(int limit) {
        return jdbc.query("SELECT * FROM price_refresh ORDER BY id DESC LIMIT ?", PriceRefreshLog::run, limit);
    }

    @Transactional(readOnly = true)
    public Optional<PriceRefreshRun> latest() {
        return recent(1).stream().findFirst();
    }

    private static PriceRefreshRun run(ResultSet rs, int row) throws SQLException {
        return new PriceRefreshRun(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(), rs.getString("trigger"),
                PriceRefreshRun.Outcome.valueOf(rs.getString("outcome")), rs.getString("regions"),
                rs.getInt("prices_stored"), rs.getString("message"));
    }

    private static String cut(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }
}
