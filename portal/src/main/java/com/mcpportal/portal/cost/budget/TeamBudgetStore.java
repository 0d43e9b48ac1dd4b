package com.mcpportal.portal.cost.budget;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code team_budget} table. Callers run inside their own transaction. */
@Repository
class TeamBudgetStore {

    private final JdbcTemplate jdbc;

    TeamBudgetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TeamBudget> find(long teamId) {
        return jdbc.query("SELECT * FROM team_budget WHERE team_id = ?", TeamBudgetStore::budget, teamId).stream()
                .findFirst();
    }

    /** The row, locked until the transaction ends: one check at a time decides whether the budget was crossed. */
    Optional<TeamBudget> lock(long teamId) {
        return jdbc.query("SELECT * FROM team_budget WHERE team_id = ? FOR UPDATE", TeamBudgetStore::budget, teamId)
                .stream().findFirst();
    }

    List<Long> teamsWithBudgets() {
        return jdbc.queryForList("SELECT team_id FROM team_budget ORDER BY team_id", Long.class);
    }

    void save(long teamId, BigDecimal monthlyUsd, Instant now, String by) {
        jdbc.update("""
                INSERT INTO team_budget (team_id, monthly_usd, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (team_id) DO UPDATE SET monthly_usd = EXCLUDED.monthly_usd,
                    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
                """, teamId, monthlyUsd, Timestamp.from(now), by);
    }

    boolean delete(long teamId) {
        return jdbc.update("DELETE FROM team_budget WHERE team_id = ?", teamId) > 0;
    }

    void recordCheck(long teamId, boolean over, BigDecimal estimateUsd, Instant now) {
        jdbc.update("UPDATE team_budget SET over_budget = ?, last_estimate_usd = ?, last_evaluated_at = ?"
                + " WHERE team_id = ?", over, estimateUsd, Timestamp.from(now), teamId);
    }

    private static TeamBudget budget(ResultSet rs, int row) throws SQLException {
        Timestamp evaluated = rs.getTimestamp("last_evaluated_at");
        return new TeamBudget(rs.getLong("team_id"), rs.getBigDecimal("monthly_usd"), rs.getBoolean("over_budget"),
                rs.getBigDecimal("last_estimate_usd"), evaluated == null ? null : evaluated.toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
