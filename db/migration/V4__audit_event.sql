-- The audit log: append-only and hash-chained.
--
-- Each row's hash is SHA-256 over its canonical content plus the previous row's hash (see AuditHasher), so
-- changing, deleting or inserting a row breaks the chain that AuditChainVerifier walks. Writers serialise on a
-- transaction-scoped advisory lock and take the id from the sequence while holding it, so id order is chain
-- order even with several portal instances writing at once.
--
-- The triggers below refuse UPDATE, DELETE and TRUNCATE for every role that does not bypass triggers. A
-- superuser or the table owner can still disable them (the hash chain then shows what changed); deployments
-- that want the database to enforce it against the application itself run the portal as a role that does not
-- own the table, with: REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM <portal role>.
CREATE SEQUENCE audit_event_id_seq;

CREATE TABLE audit_event (
    id          BIGINT       PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    team_id     BIGINT,                      -- no foreign key: the log outlives what it describes
    action      VARCHAR(100) NOT NULL,
    target_type VARCHAR(50),
    target_id   VARCHAR(100),
    outcome     VARCHAR(10)  NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    client_ip   VARCHAR(64),
    user_agent  VARCHAR(300),
    details     JSONB        NOT NULL,
    prev_hash   VARCHAR(64)  NOT NULL,
    hash        VARCHAR(64)  NOT NULL,
    CONSTRAINT audit_event_hash_unique UNIQUE (hash)
);
CREATE INDEX audit_event_by_team ON audit_event (team_id, id DESC);

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
