-- Schedules (issue 5): each environment's on/off plan, and each team's default that new environments copy.
--
-- The weekly windows and the date exceptions are short value lists that are always read and written together with
-- their schedule, so they are JSON arrays on the schedule's row: the reconcile pass loads the schedule of every
-- ready environment in one query, with no child rows to join. Times are wall-clock times in the row's IANA zone:
--   windows:    [{"day": "MONDAY", "start": "08:00", "end": "20:00"}, ...]      (end <= start crosses midnight)
--   exceptions: [{"first": "2026-12-24", "last": "2026-12-26", "state": "OFF", "start": null, "end": null}, ...]

-- A team's default: its time zone and the plan every new environment of the team starts with. A team without a
-- row uses Mon–Fri 08:00–20:00 in portal.schedules.default-zone.
CREATE TABLE team_schedule (
    team_id       BIGINT       PRIMARY KEY REFERENCES team (id),
    zone          VARCHAR(64)  NOT NULL,
    windows       JSONB        NOT NULL DEFAULT '[]',
    exceptions    JSONB        NOT NULL DEFAULT '[]',
    enabled       BOOLEAN      NOT NULL,
    when_disabled VARCHAR(16)  NOT NULL CHECK (when_disabled IN ('ALWAYS_ON', 'ALWAYS_OFF')),
    updated_at    TIMESTAMPTZ  NOT NULL,
    updated_by    VARCHAR(100) NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0
);

-- An environment's schedule, copied from its team's default when the environment is created. An environment
-- without a row (created before schedules existed) follows its team's default until its schedule is saved.
-- The manual override ("keep on until ...") lives here too; it expires by itself at override_until.
CREATE TABLE environment_schedule (
    environment_id BIGINT       PRIMARY KEY REFERENCES environment (id),
    zone           VARCHAR(64)  NOT NULL,
    windows        JSONB        NOT NULL DEFAULT '[]',
    exceptions     JSONB        NOT NULL DEFAULT '[]',
    enabled        BOOLEAN      NOT NULL,
    when_disabled  VARCHAR(16)  NOT NULL CHECK (when_disabled IN ('ALWAYS_ON', 'ALWAYS_OFF')),
    override_state VARCHAR(3)   CHECK (override_state IN ('ON', 'OFF')),
    override_until TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ  NOT NULL,
    updated_by     VARCHAR(100) NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT environment_schedule_override_complete CHECK ((override_state IS NULL) = (override_until IS NULL))
);
