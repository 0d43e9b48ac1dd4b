package com.mcpportal.portal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reading audit rows with plain JDBC: the one column list and row mapping every reader shares. */
public final class AuditRows {

    /** {@code details::text} is jsonb's canonical text, the form the hash covers. */
    public static final String COLUMNS = "id, occurred_at, actor, team_id, action, target_type, target_id, outcome, "
            + "client_ip, user_agent, details::text AS details, prev_hash, hash";

    private AuditRows() {
    }

    public static ChainedEvent map(ResultSet rs) throws SQLException {
        return new ChainedEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getObject("team_id", Long.class), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("client_ip"),
                rs.getString("user_agent"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
