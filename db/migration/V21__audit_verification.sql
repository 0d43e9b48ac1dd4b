-- History of audit chain verifications (issue 8): one row per run, by a person or the daily job. Rows are never
-- changed: the history is evidence too. The last intact run's event and hash anchor the next run, which then also
-- notices events deleted from the end of the log or a chain recomputed after that run.
CREATE TABLE audit_verification (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ  NOT NULL,
    triggered_by     VARCHAR(100) NOT NULL,
    intact           BOOLEAN      NOT NULL,
    checked          BIGINT       NOT NULL,
    first_id         BIGINT,
    last_intact_id   BIGINT,
    last_intact_hash VARCHAR(64),
    broken_at_id     BIGINT,
    problem          VARCHAR(500),
    changed_field    VARCHAR(50),
    expected_hash    VARCHAR(64),
    stored_hash      VARCHAR(64),
    checkpoint_id    BIGINT
);
CREATE INDEX audit_verification_intact ON audit_verification (id) WHERE intact;

-- The V4 refusal, now naming whichever table it guards.
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_verification_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_verification
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TRIGGER audit_verification_no_truncate
    BEFORE TRUNCATE ON audit_verification
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
