/**
 * The audit log: an append-only, hash-chained record of every state change
 * ({@link com.mcpportal.portal.audit.AuditLog#record}, or {@link com.mcpportal.portal.audit.AuditLog#recordAll} for
 * many in one transaction), and the pages that review it.
 *
 * <h2>Reviewing</h2>
 * {@code /audit} lists events newest first by (time, id), for team owners (their teams, via the team
 * feature's {@link com.mcpportal.portal.audit.AuditReaders}) and administrators (everything, including
 * platform events without a team). Filters are GET parameters, so a view is a URL: {@code team},
 * {@code actor}, {@code action} ({@code environment.*} or {@code environment.} is a prefix; a plain name matches
 * itself and its sub-actions), {@code targetType}, {@code targetId}, {@code outcome}, {@code since} and
 * {@code until} (local date-times in {@code zone}, or the browser's zone {@code browserZone}, which
 * {@code /js/audit-zone.js} fills in), {@code text} (anywhere in the details JSON, case-insensitive). Pages
 * continue from an event id ({@code before}, {@code after}): keyset pagination, no OFFSET. {@code /audit/export
 * ?format=csv|jsonl} streams the same filter (CSV per RFC 4180 with a formula-injection guard) and records
 * {@code audit.exported} first. {@code /audit/events/{id}} shows one event; features link their targets by
 * registering an {@link com.mcpportal.portal.audit.AuditTargetLinks} bean.
 *
 * <h2>Tamper evidence, retention, streaming (administrators, {@code /admin/audit/**})</h2>
 * Chain verification runs from a button and daily; each run is kept ({@code audit_verification}). Retention
 * (days to keep, default forever) is pruned daily: archive to JSON Lines, then delete through the database
 * function {@code audit_prune} (see {@code V22__audit_retention.sql} for why that is the only path past the
 * append-only trigger), leaving a checkpoint the rest of the chain verifies from. New events can be streamed
 * to a SIEM: POSTs of JSON Lines with {@code X-Portal-Signature: sha256=<hex HMAC-SHA256 of the body>}, in id
 * order, at least once (deduplicate by {@code id}), retried with exponential backoff.
 *
 * <h2>Configuration: {@code portal.audit.*}</h2>
 * <table>
 * <caption>portal.audit properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code portal.audit.archive-dir}</td><td>{@code data/audit-archive}</td><td>where pruning archives
 *     what it removes ({@code audit-<first id>-<last id>.jsonl}); keep it on durable storage</td></tr>
 * <tr><td>{@code portal.audit.verify-cron}</td><td>{@code 0 17 3 * * ?}</td><td>daily chain verification (UTC)</td></tr>
 * <tr><td>{@code portal.audit.prune-cron}</td><td>{@code 0 47 3 * * ?}</td><td>daily retention run (UTC)</td></tr>
 * <tr><td>{@code portal.audit.prune-batch-size}</td><td>100000</td><td>events per pruning transaction</td></tr>
 * <tr><td>{@code portal.audit.export-fetch-size}</td><td>1000</td><td>rows per round trip while streaming</td></tr>
 * <tr><td>{@code portal.audit.webhook.url}</td><td>none (off)</td><td>SIEM endpoint for new events</td></tr>
 * <tr><td>{@code portal.audit.webhook.secret}</td><td>none</td><td>HMAC key; required with a URL</td></tr>
 * <tr><td>{@code portal.audit.webhook.batch-size}</td><td>100</td><td>events per POST</td></tr>
 * <tr><td>{@code portal.audit.webhook.poll-interval}</td><td>10s</td><td>how often new events are sent</td></tr>
 * <tr><td>{@code portal.audit.webhook.timeout}</td><td>10s</td><td>connect and read timeout per POST</td></tr>
 * </table>
 *
 * <h2>Inside</h2>
 * {@code audit.web} (pages, export download, API), {@code audit.export} (CSV and JSON Lines writers, the exporter),
 * {@code audit.chain} (walking and verifying the hash chain), {@code audit.jobs} (the Quartz jobs). Other features use
 * only this package: {@code AuditLog}, {@code AuditEntry}, {@code AuditScope}, {@code AuditReaders} and
 * {@code AuditTargetLinks} (ArchitectureTests).
 */
package com.mcpportal.portal.audit;
