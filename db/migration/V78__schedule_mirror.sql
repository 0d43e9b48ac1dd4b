-- Issue 20: an environment's hours kept in its cloud (EventBridge Scheduler), so they go on while the portal is down.
-- keep_in_cloud is the option; the rest is what the portal last wrote there and what it found when it last looked.
CREATE TABLE schedule_mirror (
    environment_id  BIGINT       PRIMARY KEY REFERENCES environment (id),
    keep_in_cloud   BOOLEAN      NOT NULL DEFAULT FALSE,
    -- PENDING (to be written by the next reconcile pass), IN_SYNC, DRIFTED (changed by hand, put right), FAILED
    status          VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    message         TEXT,
    -- the schedules as last written, one per line: name|expression|timezone|action|start|end
    written         TEXT         NOT NULL DEFAULT '',
    checked_at      TIMESTAMPTZ,
    updated_by      VARCHAR(200) NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX schedule_mirror_kept ON schedule_mirror (environment_id) WHERE keep_in_cloud;
