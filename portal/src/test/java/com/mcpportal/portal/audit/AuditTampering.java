package com.mcpportal.portal.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Edits the audit table the way someone with database access could, past the append-only triggers
 * ({@code session_replication_role = replica} skips them), and puts rows back afterwards so the shared test
 * database ends up intact again.
 */
final class AuditTampering {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    AuditTampering(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            try {
                statement.execute(sql);
            }
            finally {
                statement.execute("SET session_replication_role = DEFAULT");
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Deletes the events with these ids and returns them, to {@link #restore} later. */
    List<String> delete(long... ids) {
        List<String> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(jdbc.queryForObject("SELECT row_to_json(e)::text FROM audit_event e WHERE id = ?", String.class, id));
            execute("DELETE FROM audit_event WHERE id = " + id);
        }
        return rows;
    }

    void restore(List<String> rows) {
        for (String row : rows) {
            execute("INSERT INTO audit_event SELECT * FROM json_populate_record(null::audit_event, '"
                    + row.replace("'", "''") + "')");
        }
    }
}
