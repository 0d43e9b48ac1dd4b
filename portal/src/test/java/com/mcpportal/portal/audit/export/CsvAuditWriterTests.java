package com.mcpportal.portal.audit.export;

import java.io.StringWriter;
import java.time.Instant;

import com.mcpportal.portal.audit.AuditOutcome;
import com.mcpportal.portal.audit.ChainedEvent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV export escaping: RFC 4180 quoting and the spreadsheet formula-injection guard. */
class CsvAuditWriterTests {

    @Test
    void plainTextIsWrittenAsItIs() {
        assertThat(CsvAuditWriter.escape("team.created")).isEqualTo("team.created");
        assertThat(CsvAuditWriter.escape("Zoë — 東京 ✓")).isEqualTo("Zoë — 東京 ✓");
        assertThat(CsvAuditWriter.escape(null)).isEmpty();
        assertThat(CsvAuditWriter.escape("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(CsvAuditWriter.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvAuditWriter.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvAuditWriter.escape("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(CsvAuditWriter.escape("carriage\r\nreturn")).isEqualTo("\"carriage\r\nreturn\"");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreDefused() {
        assertThat(CsvAuditWriter.escape("=HYPERLINK(\"http://evil\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        assertThat(CsvAuditWriter.escape("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvAuditWriter.escape("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvAuditWriter.escape("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvAuditWriter.escape("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvAuditWriter.escape("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(CsvAuditWriter.escape("a=b")).as("only the first character matters").isEqualTo("a=b");
    }

    @Test
    void aFileHasAByteOrderMarkAHeaderAndOneCrlfTerminatedRecordPerEvent() throws Exception {
        StringWriter out = new StringWriter();
        CsvAuditWriter writer = new CsvAuditWriter(out);
        writer.start();
        writer.write(new ChainedEvent(7, Instant.parse("2026-03-01T08:00:00.123456Z"), "=cmd|' /C calc'!A0", 3L,
                "team.renamed", "team", "3", AuditOutcome.SUCCESS, "10.0.0.1", "Mozilla, \"quoted\"",
                "{\"name\": \"Ünïcødé, \\\"team\\\"\\nnext\"}", "0".repeat(64), "a".repeat(64)), "Core, Inc.");

        String csv = out.toString();
        assertThat(csv).startsWith("\uFEFF" + CsvAuditWriter.HEADER + "\r\n");
        assertThat(csv.substring(1 + CsvAuditWriter.HEADER.length() + 2)).isEqualTo("7,2026-03-01T08:00:00.123456Z,"
                + "'=cmd|' /C calc'!A0,3,\"Core, Inc.\",team.renamed,team,3,SUCCESS,10.0.0.1,\"Mozilla, \"\"quoted\"\"\","
                + "\"{\"\"name\"\": \"\"Ünïcødé, \\\"\"team\\\"\"\\nnext\"\"}\"," + "0".repeat(64) + "," + "a".repeat(64)
                + "\r\n");
    }
}
