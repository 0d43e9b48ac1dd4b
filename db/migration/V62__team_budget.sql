-- A team's monthly budget for its environments' estimated bill. over_budget is the state of the last evaluation,
-- so crossing the budget (either way) is reported once, not on every look.
CREATE TABLE team_budget (
    team_id           BIGINT        PRIMARY KEY REFERENCES team (id),
    monthly_usd       NUMERIC(12,2) NOT NULL CHECK (monthly_usd > 0),
    over_budget       BOOLEAN       NOT NULL DEFAULT FALSE,
    last_estimate_usd NUMERIC(12,2),
    last_evaluated_at TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ   NOT NULL,
    updated_by        VARCHAR(100)  NOT NULL
);
