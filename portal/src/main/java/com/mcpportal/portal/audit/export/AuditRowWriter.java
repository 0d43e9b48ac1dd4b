package com.mcpportal.portal.audit.export;

import java.io.IOException;

import com.mcpportal.portal.audit.ChainedEvent;

/** Writes audit events one at a time to a file format; holds nothing but the current row. */
public interface AuditRowWriter {

    /** Writes what comes before the first event (a header line), if the format has one. */
    default void start() throws IOException {
    }

    /** Writes one event; {@code teamName} is the team's current name or empty. */
    void write(ChainedEvent event, String teamName) throws IOException;
}
