package com.mcpportal.portal.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's audit log: every feature records its state changes here, inside the transaction that makes the
 * change, so the change and its record commit or roll back together.
 */
@Service
public class AuditLog {

    /** Key of the PostgreSQL advisory lock that serialises appends to the chain (any fixed number works). */
    static final long CHAIN_LOCK = 0x4155444954L; // "AUDIT"

    private static final int MAX_ACTOR = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The hash the next event links to: the newest event's; when there is none, where pruning left the chain
     * after removing every event; else (the first event ever) the parameter, {@link AuditHasher#GENESIS}. With a
     * parameter it is a prepared statement the driver keeps per connection: as a plain statement, planning the two
     * subqueries on every append took longer than running them.
     */
    private static final String CHAIN_HEAD = """
            SELECT coalesce((SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1),
                            (SELECT through_hash FROM audit_checkpoint ORDER BY through_id DESC LIMIT 1),
                            ?)
            """;

    /**
     * One statement, one plan and 13 parameters for any number of rows: the values travel as one typed array per
     * column. A JDBC batch would still execute one INSERT per row on the server (the driver only rewrites batches
     * with {@code reWriteBatchedInserts}, a connection setting), and a multi-row VALUES list needs a statement
     * text per size and runs out of bind parameters (65,535) at about 5,000 rows.
     */
    private static final String INSERT = """
            INSERT INTO audit_event (id, occurred_at, actor, team_id, action, target_type, target_id, outcome,
                                     client_ip, user_agent, details, prev_hash, hash)
            SELECT id, CAST(? AS timestamptz), actor, team_id, action, target_type, target_id, outcome,
                   ?, ?, CAST(details AS jsonb), prev_hash, hash
              FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS text[]))
                   AS t(id, actor, team_id, action, target_type, target_id, outcome, details, prev_hash, hash)
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends one event and returns its id. Joins the caller's transaction (or runs in its own); from here until
     * that transaction ends, other appends wait, which keeps the chain linear across threads and portal
     * instances. Callers run at the default READ COMMITTED isolation. A batch of one: see {@link #recordAll}.
     */
    @Transactional
    public long record(AuditEntry entry) {
        return recordAll(List.of(entry)).get(0);
    }

    /**
     * Appends the events in order, in the caller's transaction, with the same chain as one {@link #record} call
     * each; returns their ids in order. The rows are those {@code record} would write, except that the whole
     * batch reads the clock once, so every event carries the same {@code occurred_at} (the ids still order
     * them). Five statements whatever the number of events; none for an empty list. The chain stays locked for
     * other appends until the caller's transaction ends, as with {@code record}.
     */
    @Transactional
    public List<Long> recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        RequestMetadata request = RequestMetadata.current();
        // A statement of its own: under READ COMMITTED the next statement's snapshot, taken once the lock is
        // ours, sees every append committed before it, so the chain head read below is the real one.
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, CHAIN_LOCK);
        String prevHash = jdbc.queryForObject(CHAIN_HEAD, String.class, AuditHasher.GENESIS);
        List<Long> ids = nextIds(entries.size());
        List<String> details = normalised(entries);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        List<ChainedEvent> events = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            ChainedEvent event = new ChainedEvent(ids.get(i), now, actorOf(entry), entry.teamId(), entry.action(),
                    entry.targetType(), entry.targetId(), entry.outcome(), request.clientIp(), request.userAgent(),
                    details.get(i), prevHash, null).signed();
            events.add(event);
            prevHash = event.hash();
        }
        insert(events, now, request);
        return ids;
    }

    /** Ids in ascending order, so id order is list order and chain order (we hold the chain lock). */
    private List<Long> nextIds(int count) {
        return jdbc.queryForList("SELECT nextval('audit_event_id_seq') AS id FROM generate_series(1, ?) ORDER BY id",
                Long.class, count);
    }

    /**
     * The details as jsonb's canonical text, in list order. PostgreSQL normalises them, not Java: the hash covers
     * exactly the text the verifier reads back.
     */
    private List<String> normalised(List<AuditEntry> entries) {
        Object[] json = entries.stream().map(entry -> JSON.writeValueAsString(entry.details())).toArray();
        return jdbc.query("SELECT CAST(d AS jsonb)::text FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS t(d, n) "
                + "ORDER BY n", ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", json)),
                (rs, n) -> rs.getString(1));
    }

    private void insert(List<ChainedEvent> events, Instant now, RequestMetadata request) {
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(INSERT);
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setString(2, request.clientIp());
            insert.setString(3, request.userAgent());
            insert.setArray(4, column(connection, "int8", events, ChainedEvent::id));
            insert.setArray(5, column(connection, "text", events, ChainedEvent::actor));
            insert.setArray(6, column(connection, "int8", events, ChainedEvent::teamId));
            insert.setArray(7, column(connection, "text", events, ChainedEvent::action));
            insert.setArray(8, column(connection, "text", events, ChainedEvent::targetType));
            insert.setArray(9, column(connection, "text", events, ChainedEvent::targetId));
            insert.setArray(10, column(connection, "text", events, event -> event.outcome().name()));
            insert.setArray(11, column(connection, "text", events, ChainedEvent::details));
            insert.setArray(12, column(connection, "text", events, ChainedEvent::prevHash));
            insert.setArray(13, column(connection, "text", events, ChainedEvent::hash));
            return insert;
        });
    }

    private static Array column(Connection connection, String type, List<ChainedEvent> events,
                                Function<ChainedEvent, Object> value) throws SQLException {
        return connection.createArrayOf(type, events.stream().map(value).toArray());
    }

    private static String actorOf(AuditEntry entry) {
        if (entry.actor() != null && !entry.actor().isBlank()) {
            return RequestMetadata.truncate(entry.actor(), MAX_ACTOR);
        }
        return currentActor();
    }

    /** The signed-in user's name, or {@code system} outside a signed-in request. */
    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuditEntry.SYSTEM;
        }
        return RequestMetadata.truncate(authentication.getName(), MAX_ACTOR);
    }
}
