package com.mcpportal.portal.audit.export;

import java.io.IOException;
import java.io.Writer;

import com.mcpportal.portal.audit.ChainedEvent;

import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 describes it: comma-separated, CRLF line ends, fields with a comma, quote or line break in
 * double quotes with quotes doubled. Spreadsheets run cells that start with {@code = + - @}, tab or carriage
 * return as formulas, so such cells get a leading single quote (OWASP's advice against CSV injection); the
 * file starts with a UTF-8 byte order mark so spreadsheets read non-ASCII text correctly.
 */
public final class CsvAuditWriter implements AuditRowWriter {

    public static final String HEADER = "id,time_utc,actor,team_id,team,action,target_type,target_id,outcome,client_ip,"
            + "user_agent,details,prev_hash,hash";

    private final Writer out;

    CsvAuditWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void start() throws IOException {
        out.write('\uFEFF');
        out.write(HEADER);
        out.write("\r\n");
    }

    @Override
    public void write(ChainedEvent event, String teamName) throws IOException {
        out.write(Long.toString(event.id()));
        cell(event.occurredAt().toString());
        cell(event.actor());
        cell(event.teamId() == null ? null : event.teamId().toString());
        cell(teamName);
        cell(event.action());
        cell(event.targetType());
        cell(event.targetId());
        cell(event.outcome().name());
        cell(event.clientIp());
        cell(event.userAgent());
        cell(event.details());
        cell(event.prevHash());
        cell(event.hash());
        out.write("\r\n");
    }

    private void cell(@Nullable String value) throws IOException {
        out.write(',');
        out.write(escape(value));
    }

    /** One field, guarded against formula injection and quoted when it has to be. */
    static String escape(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsLikeAFormula(value) ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
