package com.mcpportal.portal.audit.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import com.mcpportal.portal.audit.AuditCriteria;
import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditFilter;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.audit.AuditRows;
import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.AuditSettings;
import com.mcpportal.portal.audit.ChainedEvent;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams audit events to a file format: rows come through a server-side cursor (a fetch size inside a read-only
 * transaction) and leave through a buffered writer, so an export of a million events needs no more memory than
 * one of ten.
 */
@Service
public class AuditExporter {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final AuditLog auditLog;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    public AuditExporter(AuditLog auditLog, JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditSettings settings,
            Clock clock) {
        this.auditLog = auditLog;
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource(), "a JdbcTemplate bean has a DataSource"));
        this.jdbc.setFetchSize(settings.exportFetchSize());
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * The download the page and the REST API answer with: the export is recorded first, then the events stream
     * as an attachment named by the time ({@code audit-20260301-090000.jsonl}).
     */
    public ResponseEntity<StreamingResponseBody> download(AuditScope scope, AuditFilter filter, AuditExportFormat format) {
        long exportEventId = recordExport(scope, filter, format);
        String fileName = "audit-" + FILE_TIME.format(clock.instant()) + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out -> export(scope, filter, exportEventId, format, out));
    }

    /**
     * Records the export as {@code audit.exported} and returns that event's id. It commits at once, in its own
     * short transaction: the export must not hold the chain's lock while it streams. Every event below the id
     * was committed before it (appends are serialised), so "everything before the export's own event" is a
     * fixed set however long the download takes.
     */
    long recordExport(AuditScope scope, AuditFilter filter, AuditExportFormat format) {
        Long team = filter.teamId() != null ? filter.teamId()
                : !scope.everything() && scope.teams().size() == 1 ? scope.teams().keySet().iterator().next() : null;
        AuditEntry entry = AuditEntry.success("audit.exported").team(team).detail("format", format.extension())
                .detail("filter", filter.describe());
        if (!scope.everything()) {
            entry = entry.detail("teams", List.copyOf(scope.teams().keySet()));
        }
        return auditLog.record(entry);
    }

    /** Writes the events matching the filter with ids below {@code belowId}, newest first; returns how many. */
    public long export(AuditScope scope, AuditFilter filter, long belowId, AuditExportFormat format, OutputStream out) {
        AuditCriteria criteria = AuditCriteria.of(scope, filter).idBelow(belowId);
        return stream("SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE " + criteria.where()
                + " ORDER BY occurred_at DESC, id DESC", criteria.values(), format, scope, out);
    }

    /** Writes the events after {@code afterId} up to {@code throughId} in chain order (a pruning archive). */
    public long exportRange(long afterId, long throughId, AuditScope scope, OutputStream out) {
        return stream("SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE id > ? AND id <= ? ORDER BY id",
                new Object[] {afterId, throughId}, AuditExportFormat.JSON_LINES, scope, out);
    }

    private long stream(String sql, Object[] values, AuditExportFormat format, AuditScope scope, OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        AuditRowWriter rows = format.open(writer);
        AtomicLong count = new AtomicLong();
        try {
            rows.start();
            readOnly.executeWithoutResult(status -> jdbc.query(sql, rs -> {
                ChainedEvent event = AuditRows.map(rs);
                try {
                    rows.write(event, scope.teams().getOrDefault(event.teamId(), ""));
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex); // the reader went away: stop reading rows
                }
                count.incrementAndGet();
            }, values));
            writer.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return count.get();
    }
}
