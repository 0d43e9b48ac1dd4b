-- A shared network's NAT instance that could not be stopped (issue 19): kept until a later attempt stops it or an
-- environment of the network needs it again, so the network's page can say so and when the portal tries again.
CREATE TABLE network_nat_stop_failure (
    network_id  BIGINT        PRIMARY KEY REFERENCES network (id) ON DELETE CASCADE,
    failed_at   TIMESTAMPTZ   NOT NULL,
    error       VARCHAR(1000) NOT NULL,
    retry_at    TIMESTAMPTZ
);
