package com.mcpportal.portal.audit.web;

import java.nio.charset.StandardCharsets;

import com.mcpportal.portal.audit.AuditReaders;
import com.mcpportal.portal.audit.AuditRequest;
import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.export.AuditExportFormat;
import com.mcpportal.portal.audit.export.AuditExporter;

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

    private final AuditReaders readers;
    private final AuditExporter exporter;

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
        return exporter.download(scope, request.filter(), chosen);
    }
}
