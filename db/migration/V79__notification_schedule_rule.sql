-- Notifications (issue 18, slice 2): a start or stop that a schedule asked for and that failed is its own kind of
-- event now (SCHEDULE_FAILED), no longer an OPERATION_FAILED. Channels that got operation failures keep getting these.
UPDATE notification_channel SET events = array_append(events, 'SCHEDULE_FAILED')
 WHERE 'OPERATION_FAILED' = ANY (events) AND NOT 'SCHEDULE_FAILED' = ANY (events);
