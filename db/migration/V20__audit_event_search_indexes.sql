-- Indexes for reviewing the audit log (issue 8). Pages list events newest first by (occurred_at, id) and continue
-- from the last row shown (keyset pagination, no OFFSET), so each filter gets an index ending in
-- (occurred_at, id): a page, the first or the 20,000th, reads about one page of index entries in order.
-- Measured at 1,000,000 events in portal/BENCHMARKS.md ("Audit log").

-- The foundation's (team_id, id DESC) served id order; the review pages order by time.
DROP INDEX audit_event_by_team;

CREATE INDEX audit_event_by_time ON audit_event (occurred_at, id);
CREATE INDEX audit_event_by_team ON audit_event (team_id, occurred_at, id);
CREATE INDEX audit_event_by_actor ON audit_event (actor, occurred_at, id);
-- text_pattern_ops lets LIKE 'environment.%' use the index under any database collation; equality works too.
CREATE INDEX audit_event_by_action ON audit_event (action text_pattern_ops, occurred_at, id);
CREATE INDEX audit_event_by_target ON audit_event (target_type, target_id, occurred_at, id);
CREATE INDEX audit_event_by_outcome ON audit_event (outcome, occurred_at, id);

-- Free text over details (ILIKE '%text%') cannot use a B-tree: without this trigram index a search reads the
-- whole table (seconds at a million events); with it, PostgreSQL finds the few matching rows directly. pg_trgm
-- ships with PostgreSQL (contrib) and is a trusted extension: the database owner can create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX audit_event_details_text ON audit_event USING gin ((details::text) gin_trgm_ops);
