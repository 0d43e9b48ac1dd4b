-- Notifications (issue 18): kinds of event added later that a new channel gets by default are turned on for the
-- channels made before them too (as V79 did for SCHEDULE_FAILED). Slice 2 added four default-on kinds: the all-clear of
-- a retried operation, the MCP error rate, drift, and key set publication. A channel made before slice 2 was installed
-- (V79, which came with it) and has none of the four gets all four; one made since that has none of them was left
-- without them by its owner on purpose and keeps its choice. The next default-on kind needs a
-- migration like this one (README "Notifications"; NoticeKindTests fails until it has one).
UPDATE notification_channel
   SET events = events || ARRAY['OPERATION_RETRIED', 'ERROR_RATE', 'DRIFT_FOUND', 'KEY_SET_FAILING']::text[]
 WHERE NOT events && ARRAY['OPERATION_RETRIED', 'ERROR_RATE', 'DRIFT_FOUND', 'KEY_SET_FAILING']::text[]
   AND created_at < COALESCE((SELECT installed_on FROM flyway_schema_history WHERE version = '79'), 'infinity');
