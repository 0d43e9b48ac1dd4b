package com.mcpportal.portal.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code api_idempotency_key} table: one row per user and key; each statement commits on its own. */
@Repository
class IdempotencyRecords {

    record Request(long userId, String key, String method, String path, String requestHash) {
    }

    record Stored(String method, String path, String requestHash, Integer status, String location,
            String responseBody, boolean replayable) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the key as running for this request; false when the key is taken already. */
    boolean claim(Request request, boolean replayable, Instant now) {
        return jdbc.update("""
                INSERT INTO api_idempotency_key (user_id, idem_key, method, path, request_hash, replayable, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, idem_key) DO NOTHING""",
                request.userId(), request.key(), request.method(), request.path(), request.requestHash(), replayable,
                Timestamp.from(now)) == 1;
    }

    void complete(Request request, int status, String location, String responseBody) {
        jdbc.update("UPDATE api_idempotency_key SET status = ?, location = ?, response_body = ?"
                + " WHERE user_id = ? AND idem_key = ?", status, location, responseBody, request.userId(),
                request.key());
    }

    void release(Request request) {
        jdbc.update("DELETE FROM api_idempotency_key WHERE user_id = ? AND idem_key = ? AND status IS NULL",
                request.userId(), request.key());
    }

    Optional<Stored> find(long userId, String key) {
        return jdbc.query("SELECT method, path, request_hash, status, location, response_body, replayable"
                + " FROM api_idempotency_key WHERE user_id = ? AND idem_key = ?",
                (rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)),
                userId, key).stream().findFirst();
    }

    void purgeOlderThan(Instant cutoff) {
        jdbc.update("DELETE FROM api_idempotency_key WHERE created_at < ?", Timestamp.from(cutoff));
    }
}
