-- Delivery state of the outbound audit webhook (issue 8): the audit log itself is the outbox, so this one row
-- only remembers how far delivery got and when to try again after a failure. Created when the webhook first runs.
CREATE TABLE audit_webhook_cursor (
    id                SMALLINT PRIMARY KEY CHECK (id = 1),
    delivered_through BIGINT       NOT NULL,
    failures          INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ,
    last_error        VARCHAR(500),
    last_delivered_at TIMESTAMPTZ
);
