package com.mcpportal.portal.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code notification_channel} table. Sealed values are read only by {@link #sealedUrl} and {@link #sealedSecret}. */
@Repository
class ChannelStore {

    private static final String COLUMNS = "SELECT id, team_id, kind, name, recipients, endpoint, secret_sealed IS NOT NULL"
            + " AS secret_set, events, consecutive_failures, failing_since, last_error, created_at, key_expiry_days,"
            + " team_owners FROM notification_channel";

    private final JdbcTemplate jdbc;

    ChannelStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long teamId, ChannelKind kind, String name, List<String> recipients, boolean teamOwners,
                List<NoticeKind> events, Integer keyExpiryDays, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO notification_channel (team_id, kind, name,"
                    + " recipients, events, created_at, updated_at, key_expiry_days, team_owners)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            statement.setLong(1, teamId);
            statement.setString(2, kind.name());
            statement.setString(3, name);
            statement.setString(4, recipients.isEmpty() ? null : String.join("\n", recipients));
            statement.setArray(5, connection.createArrayOf("text", events.stream().map(Enum::name).toArray()));
            statement.setTimestamp(6, Timestamp.from(now));
            statement.setTimestamp(7, Timestamp.from(now));
            statement.setObject(8, keyExpiryDays, java.sql.Types.INTEGER);
            statement.setBoolean(9, teamOwners);
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    void describe(long id, String name, List<String> recipients, boolean teamOwners, List<NoticeKind> events,
                  Integer keyExpiryDays, Instant now) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("UPDATE notification_channel SET name = ?, recipients = ?,"
                    + " events = ?, updated_at = ?, key_expiry_days = ?, team_owners = ? WHERE id = ?");
            statement.setString(1, name);
            statement.setString(2, recipients.isEmpty() ? null : String.join("\n", recipients));
            statement.setArray(3, connection.createArrayOf("text", events.stream().map(Enum::name).toArray()));
            statement.setTimestamp(4, Timestamp.from(now));
            statement.setObject(5, keyExpiryDays, java.sql.Types.INTEGER);
            statement.setBoolean(6, teamOwners);
            statement.setLong(7, id);
            return statement;
        });
    }

    void sealUrl(long id, String sealed, String endpoint) {
        jdbc.update("UPDATE notification_channel SET url_sealed = ?, endpoint = ? WHERE id = ?", sealed, endpoint, id);
    }

    void sealSecret(long id, String sealed) {
        jdbc.update("UPDATE notification_channel SET secret_sealed = ? WHERE id = ?", sealed, id);
    }

    Optional<Channel> find(long id) {
        return jdbc.query(COLUMNS + " WHERE id = ?", ChannelStore::channel, id).stream().findFirst();
    }

    List<Channel> ofTeam(long teamId) {
        return jdbc.query(COLUMNS + " WHERE team_id = ? ORDER BY lower(name), id", ChannelStore::channel, teamId);
    }

    /** The team's channels that get this kind of event. */
    List<Long> receiving(long teamId, NoticeKind kind) {
        return jdbc.queryForList("SELECT id FROM notification_channel WHERE team_id = ? AND ? = ANY (events) ORDER BY id",
                Long.class, teamId, kind.name());
    }

    /** The team's channels that get expiring-key notices, with their own window in days (null: the default). */
    List<KeyExpiryWindow> keyExpiryWindows(long teamId) {
        return jdbc.query("SELECT id, key_expiry_days FROM notification_channel WHERE team_id = ?"
                + " AND 'KEY_EXPIRING' = ANY (events) ORDER BY id", (rs, row) -> new KeyExpiryWindow(rs.getLong("id"),
                rs.getObject("key_expiry_days", Integer.class)), teamId);
    }

    record KeyExpiryWindow(long channelId, Integer days) {
    }

    boolean nameTaken(long teamId, String name, long exceptId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM notification_channel WHERE team_id = ?"
                + " AND lower(name) = lower(?) AND id <> ?", Integer.class, teamId, name, exceptId);
        return count != null && count > 0;
    }

    Optional<String> sealedUrl(long id) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT url_sealed FROM notification_channel WHERE id = ?",
                String.class, id));
    }

    Optional<String> sealedSecret(long id) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT secret_sealed FROM notification_channel WHERE id = ?",
                String.class, id));
    }

    void delete(long id) {
        jdbc.update("DELETE FROM notification_channel WHERE id = ?", id);
    }

    /**
     * A delivery worked: the run of failures ends. Returns whether the channel was marked failing until now (false
     * for a channel deleted meanwhile).
     */
    boolean succeeded(long id) {
        List<Boolean> wasFailing = jdbc.queryForList("SELECT failing_since IS NOT NULL FROM notification_channel"
                + " WHERE id = ? FOR UPDATE", Boolean.class, id);
        jdbc.update("UPDATE notification_channel SET consecutive_failures = 0, failing_since = NULL, last_error = NULL"
                + " WHERE id = ?", id);
        return wasFailing.contains(Boolean.TRUE);
    }

    /**
     * An attempt failed: counts it and marks the channel failing at {@code failingAfter} in a row. Returns whether
     * this attempt is the one that marked it.
     */
    boolean failed(long id, String error, int failingAfter, Instant now) {
        return jdbc.queryForList("""
                WITH before AS (SELECT failing_since FROM notification_channel WHERE id = ? FOR UPDATE)
                UPDATE notification_channel c SET consecutive_failures = c.consecutive_failures + 1, last_error = ?,
                       failing_since = CASE WHEN c.consecutive_failures + 1 >= ? THEN COALESCE(c.failing_since, ?)
                                            ELSE c.failing_since END
                  FROM before
                 WHERE c.id = ?
                RETURNING before.failing_since IS NULL AND c.failing_since IS NOT NULL""", Boolean.class,
                id, error, failingAfter, Timestamp.from(now), id).contains(Boolean.TRUE);
    }

    private static Channel channel(ResultSet rs, int row) throws SQLException {
        String recipients = rs.getString("recipients");
        String[] events = (String[]) rs.getArray("events").getArray();
        Timestamp failingSince = rs.getTimestamp("failing_since");
        return new Channel(rs.getLong("id"), rs.getLong("team_id"), ChannelKind.valueOf(rs.getString("kind")),
                rs.getString("name"), recipients == null ? List.of() : List.of(recipients.split("\n")),
                rs.getString("endpoint"), rs.getBoolean("secret_set"),
                Arrays.stream(events).map(NoticeKind::valueOf).toList(), rs.getInt("consecutive_failures"),
                failingSince == null ? null : failingSince.toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("key_expiry_days", Integer.class),
                rs.getBoolean("team_owners"));
    }
}
