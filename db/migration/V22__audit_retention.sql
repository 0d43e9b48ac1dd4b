-- Audit retention (issue 8): an administrator may choose to keep events for a number of days (default: forever).
-- Pruning first archives the oldest events to a JSON Lines file, then removes them through audit_prune() below,
-- the only path past the append-only trigger, and leaves a checkpoint: the last pruned event's id and hash. The
-- first remaining event still links to that hash, so the rest of the chain verifies from the checkpoint, and the
-- audit.pruned event written in the same transaction confirms the checkpoint inside the chain itself.
--
-- How the path past the trigger works: audit_prune() sets the transaction-local setting
-- mcp_portal.audit_prune_through to the last id it removes, and the trigger lets a DELETE through only for rows at
-- or below it. The function itself checks that the range is a prefix of the log (everything up to an id), that
-- the caller archived exactly it (the last row's hash), and that every row in it is older than the retention
-- setting. The setting alone is not a security boundary against the table owner (who can also disable triggers);
-- the boundary is privileges: run the portal as a role that does not own the tables, with
--   REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_checkpoint, audit_verification FROM <portal role>;
--   GRANT EXECUTE ON FUNCTION audit_prune(BIGINT, VARCHAR, VARCHAR, VARCHAR, VARCHAR) TO <portal role>;
-- and audit_prune (SECURITY DEFINER, owned by the migrating role) is then the only way to delete audit rows.

CREATE TABLE audit_settings (
    id             SMALLINT PRIMARY KEY CHECK (id = 1),
    retention_days INTEGER CHECK (retention_days IS NULL OR retention_days BETWEEN 1 AND 36500),
    updated_at     TIMESTAMPTZ,
    updated_by     VARCHAR(100)
);
INSERT INTO audit_settings (id, retention_days) VALUES (1, NULL);

CREATE TABLE audit_checkpoint (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    through_id     BIGINT       NOT NULL UNIQUE,
    through_hash   VARCHAR(64)  NOT NULL,
    pruned_count   BIGINT       NOT NULL,
    archive_file   VARCHAR(500) NOT NULL,
    archive_sha256 VARCHAR(64)  NOT NULL,
    pruned_at      TIMESTAMPTZ  NOT NULL,
    pruned_by      VARCHAR(100) NOT NULL
);

CREATE TRIGGER audit_checkpoint_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- The refusal, now with the one exception: rows of audit_event inside the range audit_prune() is removing.
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_event' THEN
        IF OLD.id <= coalesce(nullif(current_setting('mcp_portal.audit_prune_through', true), '')::BIGINT, 0) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE FUNCTION audit_prune(p_through_id BIGINT, p_through_hash VARCHAR, p_archive_file VARCHAR,
                            p_archive_sha256 VARCHAR, p_pruned_by VARCHAR) RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS
$$
DECLARE
    v_days  INTEGER;
    v_hash  VARCHAR(64);
    v_count BIGINT;
BEGIN
    SELECT retention_days INTO v_days FROM audit_settings WHERE id = 1;
    IF v_days IS NULL THEN
        RAISE EXCEPTION 'audit_prune: the retention setting keeps events forever';
    END IF;
    SELECT hash INTO v_hash FROM audit_event WHERE id = p_through_id;
    IF v_hash IS NULL OR v_hash <> p_through_hash THEN
        RAISE EXCEPTION 'audit_prune: event % is missing or does not carry the archived hash', p_through_id;
    END IF;
    -- "Now" is the earlier of the database's clock and the log's newest event: a portal clock running behind
    -- (or a test's) is respected, and an event dated in the future cannot make recent events look old.
    IF EXISTS (SELECT 1 FROM audit_event
               WHERE id <= p_through_id
                 AND occurred_at >= least(now(), (SELECT max(occurred_at) FROM audit_event))
                                    - make_interval(days => v_days)) THEN
        RAISE EXCEPTION 'audit_prune: not every event up to % is older than % days', p_through_id, v_days;
    END IF;
    PERFORM set_config('mcp_portal.audit_prune_through', p_through_id::TEXT, true);
    DELETE FROM audit_event WHERE id <= p_through_id;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    PERFORM set_config('mcp_portal.audit_prune_through', '', true);
    INSERT INTO audit_checkpoint (through_id, through_hash, pruned_count, archive_file, archive_sha256, pruned_at,
                                  pruned_by)
    VALUES (p_through_id, p_through_hash, v_count, p_archive_file, p_archive_sha256, now(), p_pruned_by);
    RETURN v_count;
END;
$$;

REVOKE EXECUTE ON FUNCTION audit_prune(BIGINT, VARCHAR, VARCHAR, VARCHAR, VARCHAR) FROM PUBLIC;
