package com.mcpportal.portal.audit.export;

import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/** The file formats the audit log exports to. */
public enum AuditExportFormat {

    CSV("csv", "text/csv;charset=UTF-8"),
    JSON_LINES("jsonl", "application/x-ndjson;charset=UTF-8");

    private final String extension;
    private final String contentType;

    AuditExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** By file extension as the {@code format} parameter names it: {@code csv} or {@code jsonl}. */
    public static Optional<AuditExportFormat> of(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (AuditExportFormat format : values()) {
            if (format.extension.equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    public AuditRowWriter open(Writer out) {
        return this == CSV ? new CsvAuditWriter(out) : new JsonLinesAuditWriter(out);
    }
}
