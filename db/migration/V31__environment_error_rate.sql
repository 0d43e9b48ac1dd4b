-- The latest error-rate check of each ready environment: the last 24 hours of request figures read from its MCP
-- server's metrics (JSON array of {"hour","requests","errors"}), the totals of the judged window, and whether the
-- environment is flagged. "flagged" is what a check compares with to audit a crossing only once.
CREATE TABLE environment_error_rate (
    environment_id  BIGINT      PRIMARY KEY REFERENCES environment (id),
    checked_at      TIMESTAMPTZ NOT NULL,
    figures_at      TIMESTAMPTZ,
    hours           JSONB       NOT NULL DEFAULT '[]',
    window_requests BIGINT      NOT NULL DEFAULT 0,
    window_errors   BIGINT      NOT NULL DEFAULT 0,
    flagged         BOOLEAN     NOT NULL DEFAULT FALSE,
    flagged_since   TIMESTAMPTZ,
    message         VARCHAR(1000)
);
