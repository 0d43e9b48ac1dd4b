-- Sign-in throttling per client address and per username with growing delays instead of a fixed lock-out
-- (issue 15, finding 4). The old per-username counters are dropped: they only ever lasted 15 minutes.
DROP TABLE sign_in_throttle;

-- kind 'username': the attempted name, lower-cased (also for names that do not exist, so a delay does not reveal
-- which accounts exist); kind 'address': the client address as the servlet container reports it.
CREATE TABLE sign_in_throttle (
    kind            VARCHAR(10)  NOT NULL,
    key             VARCHAR(100) NOT NULL,
    failures        INT          NOT NULL,
    last_failure_at TIMESTAMPTZ  NOT NULL,
    delayed_until   TIMESTAMPTZ,
    PRIMARY KEY (kind, key),
    CONSTRAINT sign_in_throttle_kind CHECK (kind IN ('username', 'address'))
);
CREATE INDEX sign_in_throttle_delayed ON sign_in_throttle (delayed_until) WHERE delayed_until IS NOT NULL;
