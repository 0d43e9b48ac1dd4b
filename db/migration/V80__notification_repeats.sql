-- Notifications (issue 18, slice 2): repeats of one condition are grouped. A notice with a group key (its kind and
-- subject, e.g. the error rate of one environment) that finds a message of the same key for the same channel queued
-- within portal.notifications.group-window is not sent again: that message counts it (shown as "and 5 more times").
ALTER TABLE notification_delivery ADD COLUMN group_key VARCHAR(200);
ALTER TABLE notification_delivery ADD COLUMN repeats INT NOT NULL DEFAULT 0;
ALTER TABLE notification_delivery ADD COLUMN last_repeat_at TIMESTAMPTZ;
ALTER TABLE notification_delivery ADD COLUMN last_repeat_headline VARCHAR(300);
CREATE INDEX notification_delivery_group ON notification_delivery (channel_id, group_key, created_at DESC)
    WHERE group_key IS NOT NULL;
-- Every operation that succeeds asks whether its failure was announced (then its all-clear is): by dedupe key prefix.
CREATE INDEX notification_delivery_failures ON notification_delivery (dedupe_key text_pattern_ops)
    WHERE event_kind IN ('OPERATION_FAILED', 'SCHEDULE_FAILED');
