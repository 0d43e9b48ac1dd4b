package com.mcpportal.portal.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox, {@code notification_delivery}. A message is claimed in one statement: due rows are locked with
 * {@code FOR UPDATE SKIP LOCKED} (so two portal instances never take the same row, nor wait for each other) and leased
 * until {@code claimed_until}; the sender then records the outcome, releasing the lease.
 */
@Repository
class DeliveryStore {

    private static final String COLUMNS = "id, channel_id, team_id, event_kind, headline, happened, why, action, link,"
            + " state, attempts, next_attempt_at, last_error, created_at, sent_at, repeats, last_repeat_at,"
            + " last_repeat_headline";

    private final JdbcTemplate jdbc;

    DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues the notice for the channel, or counts it on the message of its group queued after {@code groupSince} (a
     * repeat of a condition within the group window). Returns whether a new message was queued: an exact repeat of
     * the dedupe key is dropped, a grouped one counted. The decision is taken under a transaction-scoped advisory lock
     * of the channel and group: two portal instances writing the same condition at the same instant take turns, and
     * the second one's update sees the first one's message once it committed (otherwise neither sees the other's
     * uncommitted row and both are sent).
     */
    boolean enqueue(long channelId, Notice notice, String link, Instant now, Instant groupSince) {
        if (notice.groupKey() != null) {
            jdbc.queryForObject("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?, 0))", Integer.class,
                    "notification-group:" + channelId + ":" + notice.groupKey());
        }
        if (notice.groupKey() != null && jdbc.update("""
                UPDATE notification_delivery SET repeats = repeats + 1, last_repeat_at = ?, last_repeat_headline = ?
                 WHERE id = (SELECT id FROM notification_delivery WHERE channel_id = ? AND group_key = ?
                             AND created_at > ? ORDER BY created_at DESC, id DESC LIMIT 1)""", Timestamp.from(now),
                cut(notice.headline(), 300), channelId, notice.groupKey(), Timestamp.from(groupSince)) > 0) {
            return false;
        }
        return jdbc.update("""
                INSERT INTO notification_delivery (channel_id, team_id, event_kind, dedupe_key, group_key, headline,
                                                   happened, why, action, link, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (channel_id, dedupe_key) DO NOTHING""", channelId, notice.teamId(), notice.kind().name(),
                notice.dedupeKey(), notice.groupKey(), cut(notice.headline(), 300), notice.happened(), notice.why(),
                notice.action(), cut(link, 1000), Timestamp.from(now), Timestamp.from(now)) > 0;
    }

    /**
     * Whether a failure of the operation was queued for a channel (its all-clear follows it). Asked after every
     * operation that succeeds: one index probe ({@code dedupe_key} leads {@code notification_delivery_failures}).
     */
    boolean failureAnnounced(long operationId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM notification_delivery WHERE"
                + " dedupe_key LIKE ? AND event_kind IN ('OPERATION_FAILED', 'SCHEDULE_FAILED'))",
                Boolean.class, "operation:" + operationId + ":%"));
    }

    /**
     * Fits a value to its column: a statement that failed would abort the transaction of the event it reports (an
     * operation's outcome), not only the notice.
     */
    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Claims up to {@code limit} due messages until {@code leaseEnd}, counting the attempt about to be made. */
    List<Delivery> claim(int limit, Instant now, Instant leaseEnd) {
        return jdbc.query("UPDATE notification_delivery SET claimed_until = ?, attempts = attempts + 1"
                        + " WHERE id IN (SELECT id FROM notification_delivery WHERE state = 'PENDING'"
                        + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                        + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS,
                DeliveryStore::delivery, Timestamp.from(leaseEnd), Timestamp.from(now), Timestamp.from(now), limit);
    }

    void sent(long id, Instant now) {
        jdbc.update("UPDATE notification_delivery SET state = 'SENT', sent_at = ?, claimed_until = NULL,"
                + " last_error = NULL WHERE id = ?", Timestamp.from(now), id);
    }

    /** The attempt failed: try again at {@code retryAt}, or give up when it is null. */
    void failed(long id, String error, Instant retryAt) {
        if (retryAt == null) {
            jdbc.update("UPDATE notification_delivery SET state = 'FAILED', claimed_until = NULL, last_error = ?"
                    + " WHERE id = ?", error, id);
        } else {
            jdbc.update("UPDATE notification_delivery SET next_attempt_at = ?, claimed_until = NULL, last_error = ?"
                    + " WHERE id = ?", Timestamp.from(retryAt), error, id);
        }
    }

    /**
     * Gives back a claimed message not attempted: its channel failed on an earlier one in the same run, so it waits
     * for that one's retry ({@code notBefore}; null when that one was given up).
     */
    void release(long id, Instant notBefore) {
        jdbc.update("UPDATE notification_delivery SET claimed_until = NULL, attempts = attempts - 1,"
                + " next_attempt_at = GREATEST(next_attempt_at, COALESCE(CAST(? AS timestamptz), next_attempt_at)) WHERE id = ?",
                notBefore == null ? null : Timestamp.from(notBefore), id);
    }

    /**
     * Deletes the messages sent or given up that were queued before {@code before}; those still to be sent stay.
     * Expiring- and expired-key messages stay until {@code keysBefore}: their dedupe key is what keeps the hourly
     * check from announcing the same key again while it is within a channel's warning window. Returns how many went.
     */
    int prune(Instant before, Instant keysBefore) {
        return jdbc.update("DELETE FROM notification_delivery WHERE state IN ('SENT', 'FAILED') AND created_at < ?"
                + " AND (event_kind NOT IN ('KEY_EXPIRING', 'KEY_EXPIRED') OR created_at < ?)",
                Timestamp.from(before), Timestamp.from(keysBefore));
    }

    /** The team's latest messages, newest first. */
    List<Delivery> recent(long teamId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification_delivery WHERE team_id = ? ORDER BY id DESC LIMIT ?",
                DeliveryStore::delivery, teamId, limit);
    }

    List<Delivery> recentOf(long channelId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification_delivery WHERE channel_id = ? ORDER BY id DESC"
                + " LIMIT ?", DeliveryStore::delivery, channelId, limit);
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        Timestamp lastRepeat = rs.getTimestamp("last_repeat_at");
        return new Delivery(rs.getLong("id"), rs.getLong("channel_id"), rs.getLong("team_id"),
                NoticeKind.valueOf(rs.getString("event_kind")), rs.getString("headline"), rs.getString("happened"),
                rs.getString("why"), rs.getString("action"), rs.getString("link"),
                Delivery.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant(), rs.getInt("repeats"),
                lastRepeat == null ? null : lastRepeat.toInstant(), rs.getString("last_repeat_headline"));
    }
}
