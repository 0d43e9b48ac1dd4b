package com.mcpportal.portal.notification;

import java.time.Instant;

/**
 * One message to one channel, in the outbox until it is sent or given up.
 *
 * @param attempts    attempts made (a claimed message counts the one under way)
 * @param link        the absolute link to the page, made when the event was recorded
 * @param repeats     how often the same condition came back within the group window after this message was queued
 *                    (not sent again); {@code lastRepeatAt} and {@code lastRepeatHeadline} tell the latest of them
 */
public record Delivery(long id, long channelId, long teamId, NoticeKind kind, String headline, String happened,
                       String why, String action, String link, State state, int attempts, Instant nextAttemptAt,
                       String lastError, Instant createdAt, Instant sentAt, int repeats, Instant lastRepeatAt,
                       String lastRepeatHeadline) {

    /** PENDING until sent (SENT) or given up after the last attempt (FAILED). */
    public enum State {
        PENDING, SENT, FAILED
    }
}
