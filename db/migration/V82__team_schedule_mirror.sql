-- Issue 20: "keep hours in AWS" as a team default. A team with keep_in_cloud on gives the option to every environment
-- created in it from then on (existing environments keep theirs); no row means off.
CREATE TABLE team_schedule_mirror (
    team_id        BIGINT       PRIMARY KEY REFERENCES team (id),
    keep_in_cloud  BOOLEAN      NOT NULL,
    updated_by     VARCHAR(200) NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
