package com.mcpportal.portal.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The SQL condition for a scope and a filter, with bind values (never user text in the SQL itself). Every
 * condition matches an index of V20 whose trailing columns are (occurred_at, id), so a page reads in index
 * order and stops after one page.
 */
public final class AuditCriteria {

    private final StringJoiner conditions = new StringJoiner(" AND ");
    private final List<Object> values = new ArrayList<>();

    private AuditCriteria() {
    }

    public static AuditCriteria of(AuditScope scope, AuditFilter filter) {
        AuditCriteria criteria = new AuditCriteria();
        if (!scope.everything()) {
            StringJoiner ids = new StringJoiner(", ", "team_id IN (", ")");
            scope.teams().keySet().forEach(id -> ids.add("?"));
            criteria.add(scope.teams().isEmpty() ? "FALSE" : ids.toString(), scope.teams().keySet().toArray());
        }
        if (filter.teamId() != null) {
            criteria.add("team_id = ?", filter.teamId());
        }
        if (filter.platformOnly()) {
            criteria.add("team_id IS NULL");
        }
        if (filter.actor() != null) {
            criteria.add("actor = ?", filter.actor());
        }
        if (filter.action() != null) {
            criteria.action(filter.action());
        }
        if (filter.targetType() != null) {
            criteria.add("target_type = ?", filter.targetType());
        }
        if (filter.targetId() != null) {
            criteria.add("target_id = ?", filter.targetId());
        }
        if (filter.outcome() != null) {
            criteria.add("outcome = ?", filter.outcome().name());
        }
        if (filter.since() != null) {
            criteria.add("occurred_at >= ?", timestamp(filter.since()));
        }
        if (filter.until() != null) {
            criteria.add("occurred_at < ?", timestamp(filter.until()));
        }
        if (filter.text() != null) {
            // details::text is what the trigram index of V20 covers; the pattern is escaped, so % and _ are literal.
            criteria.add("details::text ILIKE ?", "%" + escapeLike(filter.text()) + "%");
        }
        return criteria;
    }

    /** Also older or newer than a row at ({@code time}, {@code id}) in page order. */
    AuditCriteria beyond(boolean older, Instant time, long id) {
        AuditCriteria copy = copy();
        copy.add(older ? "(occurred_at, id) < (?, ?)" : "(occurred_at, id) > (?, ?)", timestamp(time), id);
        return copy;
    }

    /** Also only events with an id below {@code id} (an export stops before its own audit event). */
    public AuditCriteria idBelow(long id) {
        AuditCriteria copy = copy();
        copy.add("id < ?", id);
        return copy;
    }

    public String where() {
        return conditions.length() == 0 ? "TRUE" : conditions.toString();
    }

    public Object[] values() {
        return values.toArray();
    }

    /**
     * {@code environment.*} and {@code environment.} are prefixes; a plain name matches itself and its
     * sub-actions ({@code team.member} finds {@code team.member.added}), like a folder and its files.
     */
    private void action(String action) {
        if (action.endsWith("*")) {
            add("action LIKE ?", escapeLike(action.substring(0, action.length() - 1)) + "%");
        }
        else if (action.endsWith(".")) {
            add("action LIKE ?", escapeLike(action) + "%");
        }
        else {
            add("(action = ? OR action LIKE ?)", action, escapeLike(action) + ".%");
        }
    }

    private void add(String condition, Object... bound) {
        conditions.add(condition);
        values.addAll(List.of(bound));
    }

    private AuditCriteria copy() {
        AuditCriteria copy = new AuditCriteria();
        copy.conditions.merge(conditions);
        copy.values.addAll(values);
        return copy;
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
