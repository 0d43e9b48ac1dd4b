-- Notifications (issue 18): kinds of event added later that a new channel gets by default are turned on for the
-- channels made before them too (as V79 did for SCHEDULE_FAILED). Slice 2 added four default-on kinds: the all-clear of
-- a retried operation, the MCP error rate, drift, and key set publication. A channel made before them has none of the
-- four (one made since with the defaults has all of them): those get all four. The next default-on kind needs a
-- migration like this one (README "Notifications"; NoticeKindTests fails until it has one).
UPDATE notification_channel
   SET events = events || ARRAY['OPERATION_RETRIED', 'ERROR_RATE', 'DRIFT_FOUND', 'KEY_SET_FAILING']::text[]
 WHERE NOT events && ARRAY['OPERATION_RETRIED', 'ERROR_RATE', 'DRIFT_FOUND', 'KEY_SET_FAILING']::text[];
