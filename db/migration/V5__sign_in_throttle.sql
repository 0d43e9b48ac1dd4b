-- Failed sign-ins per attempted username (lower-cased, also for names that do not exist, so the lock-out does
-- not reveal which accounts exist). Kept in the database so every portal instance enforces the same lock-out.
CREATE TABLE sign_in_throttle (
    username          VARCHAR(100) PRIMARY KEY,
    failures          INT          NOT NULL,
    window_started_at TIMESTAMPTZ  NOT NULL,
    locked_until      TIMESTAMPTZ
);
