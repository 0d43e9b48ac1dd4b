-- The latest drift check of each ready environment: what the portal expects (its power state) and what the cloud
-- reported. "since" is when the current drift was first seen; it is cleared when the two agree again.
CREATE TABLE environment_drift (
    environment_id BIGINT       PRIMARY KEY REFERENCES environment (id),
    checked_at     TIMESTAMPTZ  NOT NULL,
    expected       VARCHAR(300) NOT NULL,
    actual         VARCHAR(300) NOT NULL,
    drifted        BOOLEAN      NOT NULL,
    message        VARCHAR(1000),
    since          TIMESTAMPTZ
);
