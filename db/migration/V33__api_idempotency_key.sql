-- Idempotency-Key of REST POSTs that create things (api/Idempotency.java): per user and key, what the first request
-- was (method, path, SHA-256 of its body) and what it answered. status is NULL while the first request runs.
-- replayable = false marks answers that held a secret (a new token or key): their body is never stored.
CREATE TABLE api_idempotency_key (
    user_id       BIGINT        NOT NULL REFERENCES users (id),
    idem_key      VARCHAR(255)  NOT NULL,
    method        VARCHAR(10)   NOT NULL,
    path          VARCHAR(1000) NOT NULL,
    request_hash  VARCHAR(64)   NOT NULL,
    status        INT,
    location      VARCHAR(1000),
    response_body TEXT,
    replayable    BOOLEAN       NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX api_idempotency_key_created ON api_idempotency_key (created_at);
