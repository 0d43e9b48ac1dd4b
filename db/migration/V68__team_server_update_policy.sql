-- A team's policy for its environments' MCP server (issue 13), changed by its owners only: whether the portal updates
-- the server it publishes by itself while an environment is off, and whether the deploy endpoint takes images from
-- outside the environment's own ECR repository. A team without a row has both off.
CREATE TABLE team_server_update_policy (
    team_id                BIGINT       PRIMARY KEY REFERENCES team (id),
    auto_update_off_hours  BOOLEAN      NOT NULL DEFAULT FALSE,
    allow_any_image_source BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at             TIMESTAMPTZ  NOT NULL,
    updated_by             VARCHAR(100) NOT NULL
);
