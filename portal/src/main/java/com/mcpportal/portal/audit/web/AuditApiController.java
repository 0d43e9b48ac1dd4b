package com.mcpportal.portal.audit.web;

import com.mcpportal.portal.api.ApiPage;
import com.mcpportal.portal.audit.AuditPage;
import com.mcpportal.portal.audit.AuditPosition;
import com.mcpportal.portal.audit.AuditReaders;
import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.AuditSearch;
import com.mcpportal.portal.audit.export.AuditExportFormat;
import com.mcpportal.portal.audit.export.AuditExporter;
import com.mcpportal.portal.web.InvalidInputException;
import com.mcpportal.portal.web.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit log for automation: a team's events for its owners ({@code /api/v1/teams/{teamId}/audit-events}), every
 * event for platform administrators ({@code /api/v1/audit-events}), with the page's filters, keyset paging, one
 * event in full, and the streamed export. Who may read what is decided as on the pages, by {@link AuditReaders}.
 */
@RestController
@RequestMapping("/api/v1")
class AuditApiController {

    private final AuditReaders readers;
    private final AuditSearch search;
    private final AuditExporter exporter;

    AuditApiController(AuditReaders readers, AuditSearch search, AuditExporter exporter) {
        this.readers = readers;
        this.search = search;
        this.exporter = exporter;
    }

    @GetMapping("/teams/{teamId}/audit-events")
    ApiPage<AuditEventResponse> teamEvents(@PathVariable long teamId, AuditApiQuery query) {
        AuditScope scope = readers.requireTeamReader(teamId);
        return page(scope, query.parse(teamId));
    }

    @GetMapping("/audit-events")
    ApiPage<AuditEventResponse> allEvents(AuditApiQuery query) {
        AuditScope scope = readers.requireEverything();
        return page(scope, query.parse(null));
    }

    @GetMapping("/teams/{teamId}/audit-events/{eventId}")
    AuditEventResponse teamEvent(@PathVariable long teamId, @PathVariable long eventId) {
        return event(readers.requireTeamReader(teamId), eventId);
    }

    @GetMapping("/audit-events/{eventId}")
    AuditEventResponse anyEvent(@PathVariable long eventId) {
        return event(readers.requireEverything(), eventId);
    }

    @GetMapping("/teams/{teamId}/audit-events/export")
    ResponseEntity<StreamingResponseBody> exportTeam(@PathVariable long teamId, AuditApiQuery query,
            @RequestParam(required = false) String format) {
        AuditScope scope = readers.requireTeamReader(teamId);
        return export(scope, query.parse(teamId), format);
    }

    @GetMapping("/audit-events/export")
    ResponseEntity<StreamingResponseBody> exportAll(AuditApiQuery query,
            @RequestParam(required = false) String format) {
        AuditScope scope = readers.requireEverything();
        return export(scope, query.parse(null), format);
    }

    private ApiPage<AuditEventResponse> page(AuditScope scope, AuditApiQuery.Parsed request) {
        AuditPage page = search.olderThan(scope, request.filter(), request.position(), request.limit());
        String next = page.hasOlder()
                ? AuditPosition.of(page.events().get(page.events().size() - 1)).encode() : null;
        return new ApiPage<>(page.events().stream().map(event -> AuditEventResponse.of(event, scope)).toList(), next);
    }

    private AuditEventResponse event(AuditScope scope, long eventId) {
        return search.find(scope, eventId).map(event -> AuditEventResponse.of(event, scope))
                .orElseThrow(() -> new NotFoundException("No such audit event"));
    }

    /**
     * JSON Lines by default ({@code format=jsonl}), CSV on request, newest first, every event matching the filter
     * (no paging: {@code limit} and {@code cursor} do not apply). The export is itself audited before it starts.
     */
    private ResponseEntity<StreamingResponseBody> export(AuditScope scope, AuditApiQuery.Parsed request,
            String format) {
        AuditExportFormat chosen = format == null || format.isBlank() ? AuditExportFormat.JSON_LINES
                : AuditExportFormat.of(format).orElseThrow(() -> new InvalidInputException("format",
                        "Use format=jsonl (JSON Lines, the default) or format=csv."));
        return exporter.download(scope, request.filter(), chosen);
    }
}
