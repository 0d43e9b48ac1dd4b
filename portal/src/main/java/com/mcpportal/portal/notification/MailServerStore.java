package com.mcpportal.portal.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code notification_mail_server} table: one row at most. The sealed password is read only by {@link #sealedPassword}. */
@Repository
class MailServerStore {

    private final JdbcTemplate jdbc;

    MailServerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MailServer> find() {
        return jdbc.query("SELECT host, port, username, password_sealed IS NOT NULL AS password_set, starttls,"
                + " from_address, updated_at, updated_by FROM notification_mail_server WHERE id = 1",
                (rs, row) -> new MailServer(rs.getString("host"), rs.getInt("port"), rs.getString("username"),
                        rs.getBoolean("password_set"), rs.getBoolean("starttls"), rs.getString("from_address"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"))).stream().findFirst();
    }

    /** Stores the settings; {@code sealedPassword} null keeps the stored password ({@code clearPassword}: removes it). */
    void save(String host, int port, String username, String sealedPassword, boolean clearPassword, boolean starttls,
              String from, Instant now, String by) {
        jdbc.update("""
                INSERT INTO notification_mail_server (id, host, port, username, password_sealed, starttls, from_address,
                                                      updated_at, updated_by)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET host = EXCLUDED.host, port = EXCLUDED.port, username = EXCLUDED.username,
                    password_sealed = CASE WHEN ? THEN NULL
                                           ELSE COALESCE(EXCLUDED.password_sealed, notification_mail_server.password_sealed) END,
                    starttls = EXCLUDED.starttls, from_address = EXCLUDED.from_address,
                    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""",
                host, port, username, sealedPassword, starttls, from, Timestamp.from(now), by, clearPassword);
    }

    Optional<String> sealedPassword() {
        return jdbc.queryForList("SELECT password_sealed FROM notification_mail_server WHERE id = 1", String.class)
                .stream().filter(sealed -> sealed != null).findFirst();
    }

    boolean delete() {
        return jdbc.update("DELETE FROM notification_mail_server WHERE id = 1") > 0;
    }
}
