package com.mcpportal.portal.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Downloads of the current audit filter as CSV or JSON Lines, streamed as they are read. The download is
 * itself audited ({@code audit.exported}) before the first byte leaves.
 */
@Controller
class AuditExportController {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final AuditReaders readers;
    private final AuditExporter exporter;
    private final Clock clock = Clock.systemUTC();

    AuditExportController(AuditReaders readers, AuditExporter exporter) {
        this.readers = readers;
        this.exporter = exporter;
    }

    @GetMapping("/audit/export")
    ResponseEntity<StreamingResponseBody> export(AuditFilterForm form, @RequestParam(required = false) String format) {
        AuditScope scope = readers.requireReader();
        AuditRequest request = form.parse(scope);
        AuditExportFormat chosen = AuditExportFormat.of(format).orElse(null);
        if (chosen == null || !request.valid()) {
            String message = chosen == null ? "Choose format=csv or format=jsonl."
                    : "The filter is not valid: " + String.join(" ", request.errors().values());
            return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(out -> out.write(message.getBytes(StandardCharsets.UTF_8)));
        }
        long exportEventId = exporter.recordExport(scope, request.filter(), chosen);
        String fileName = "audit-" + FILE_TIME.format(clock.instant()) + "." + chosen.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out -> exporter.export(scope, request.filter(), exportEventId, chosen, out));
    }
}
