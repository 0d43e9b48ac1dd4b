package com.mcpportal.portal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walks the audit chain from the first event and reports where, if anywhere, it is broken. */
@Service
public class AuditChainVerifier {

    private final JdbcTemplate jdbc;

    AuditChainVerifier(JdbcTemplate jdbc) {
        // A separate template so the fetch size (streaming instead of loading every row) stays local to us.
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(500);
    }

    /** Reads every event in chain (id) order; memory stays constant however long the log is. */
    @Transactional(readOnly = true)
    public AuditChainReport verify() {
        Walker walker = new Walker();
        jdbc.query("""
                SELECT id, occurred_at, actor, team_id, action, target_type, target_id, outcome, client_ip,
                       user_agent, details::text AS details, prev_hash, hash
                FROM audit_event ORDER BY id
                """, walker);
        return walker.report();
    }

    private static final class Walker implements RowCallbackHandler {

        private String expectedPrev = AuditHasher.GENESIS;
        private long checked;
        private Long lastIntactId;
        private Long brokenAtId;
        private String problem;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (brokenAtId != null) {
                return; // the first break is what matters; later rows cannot be trusted to mean anything
            }
            ChainedEvent event = new ChainedEvent(rs.getLong("id"),
                    rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                    rs.getObject("team_id", Long.class), rs.getString("action"), rs.getString("target_type"),
                    rs.getString("target_id"), AuditOutcome.valueOf(rs.getString("outcome")),
                    rs.getString("client_ip"), rs.getString("user_agent"), rs.getString("details"),
                    rs.getString("prev_hash"), rs.getString("hash"));
            checked++;
            if (!expectedPrev.equals(event.prevHash())) {
                fail(event, lastIntactId == null
                        ? "the first event does not start the chain (an earlier event is missing or it was inserted)"
                        : "it does not link to event " + lastIntactId
                                + " (an event between them was deleted or this one was inserted)");
            }
            else if (!AuditHasher.hash(event).equals(event.hash())) {
                fail(event, "its content does not match its hash (the event was altered)");
            }
            else {
                lastIntactId = event.id();
                expectedPrev = event.hash();
            }
        }

        private void fail(ChainedEvent event, String reason) {
            brokenAtId = event.id();
            problem = reason;
        }

        AuditChainReport report() {
            return new AuditChainReport(brokenAtId == null, checked, lastIntactId, brokenAtId, problem);
        }
    }
}
