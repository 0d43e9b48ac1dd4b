package com.mcpportal.portal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keyset pages of the audit log, newest first by (occurred_at, id): a page starts strictly after the previous
 * page's last row, so it costs the same on page 1 and page 20,000 (no OFFSET), and events written between two
 * page loads appear at the top instead of shifting later pages (no duplicates, no gaps).
 */
@Service
public class AuditSearch {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;

    private final JdbcTemplate jdbc;

    AuditSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public AuditPage page(AuditScope scope, AuditFilter filter, AuditCursor cursor, int size) {
        int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        AuditCriteria criteria = AuditCriteria.of(scope, filter);
        Optional<Instant> cursorTime = cursor == null ? Optional.empty() : timeOf(scope, cursor.id());
        if (cursor == null || cursorTime.isEmpty()) {
            List<ChainedEvent> rows = fetch(criteria, true, pageSize + 1);
            return new AuditPage(trim(rows, pageSize), false, rows.size() > pageSize, cursor != null);
        }
        AuditCriteria beyond = criteria.beyond(cursor.older(), cursorTime.get(), cursor.id());
        List<ChainedEvent> rows = fetch(beyond, cursor.older(), pageSize + 1);
        boolean more = rows.size() > pageSize;
        rows = trim(rows, pageSize);
        if (cursor.older()) {
            // Newer than this page's first row; on an empty page, the cursor row itself or anything newer.
            boolean newer = rows.isEmpty() ? exists(criteria.beyond(false, cursorTime.get(), cursor.id() - 1))
                    : exists(criteria.beyond(false, rows.get(0).occurredAt(), rows.get(0).id()));
            return new AuditPage(rows, newer, more, false);
        }
        if (!more) {
            // Paging back reached the newest events: show a full first page rather than a short one.
            return page(scope, filter, null, pageSize);
        }
        List<ChainedEvent> newestFirst = new ArrayList<>(rows);
        Collections.reverse(newestFirst);
        ChainedEvent last = newestFirst.get(newestFirst.size() - 1);
        return new AuditPage(newestFirst, true, exists(criteria.beyond(true, last.occurredAt(), last.id())), false);
    }

    /**
     * Up to {@code size} events strictly older than {@code position} (the newest when it is null), newest first.
     * The REST API's paging: its cursor carries the position itself, so paging goes on where it was even when the
     * event it came from has been pruned meanwhile.
     */
    @Transactional(readOnly = true)
    public AuditPage olderThan(AuditScope scope, AuditFilter filter, AuditPosition position, int size) {
        AuditCriteria criteria = AuditCriteria.of(scope, filter);
        if (position != null) {
            criteria = criteria.beyond(true, position.occurredAt(), position.id());
        }
        List<ChainedEvent> rows = fetch(criteria, true, size + 1);
        return new AuditPage(trim(rows, size), position != null, rows.size() > size, false);
    }

    /** One event, if it exists and the scope may read it. */
    @Transactional(readOnly = true)
    public Optional<ChainedEvent> find(AuditScope scope, long id) {
        List<ChainedEvent> found = jdbc.query("SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE id = ?",
                (rs, n) -> AuditRows.map(rs), id);
        return found.stream().filter(event -> scope.canRead(event.teamId())).findFirst();
    }

    private List<ChainedEvent> fetch(AuditCriteria criteria, boolean newestFirst, int limit) {
        String order = newestFirst ? "occurred_at DESC, id DESC" : "occurred_at, id";
        return jdbc.query("SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE " + criteria.where()
                + " ORDER BY " + order + " LIMIT " + limit, (rs, n) -> AuditRows.map(rs), criteria.values());
    }

    private boolean exists(AuditCriteria criteria) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM audit_event WHERE "
                + criteria.where() + ")", Boolean.class, criteria.values()));
    }

    /**
     * When the cursor's event happened, if the scope may read it. An event outside the scope is treated like one
     * that does not exist, so a cursor can neither confirm another team's event nor bracket its time.
     */
    private Optional<Instant> timeOf(AuditScope scope, long id) {
        AuditCriteria readable = AuditCriteria.of(scope, AuditFilter.NONE);
        List<Object> values = new ArrayList<>(List.of(readable.values()));
        values.add(id);
        return jdbc.query("SELECT occurred_at FROM audit_event WHERE " + readable.where() + " AND id = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), values.toArray()).stream().findFirst();
    }

    private static List<ChainedEvent> trim(List<ChainedEvent> rows, int size) {
        return rows.size() > size ? rows.subList(0, size) : rows;
    }
}
