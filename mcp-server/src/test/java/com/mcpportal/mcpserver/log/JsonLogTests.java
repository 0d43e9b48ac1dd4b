package com.mcpportal.mcpserver.log;

import com.mcpportal.mcpserver.testsupport.LogCapture;
import com.mcpportal.mcpserver.testsupport.RawMcpClient;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogTests {

    @Test
    void everyLineIsOneJsonObjectEvenWithAwkwardText() {
        try (LogCapture log = LogCapture.start()) {
            JsonLog.info("test_event", "text", "line\nbreak \"quoted\" \u0001 \u2028 tab\t", "count", 3, "flag", true,
                    "skipped", null);

            assertThat(log.lines()).hasSize(1);
            Map<String, Object> line = RawMcpClient.json(log.lines().get(0));
            assertThat(line).containsEntry("level", "INFO").containsEntry("event", "test_event")
                    .containsEntry("text", "line\nbreak \"quoted\" \u0001 \u2028 tab\t")
                    .containsEntry("count", 3).containsEntry("flag", true).doesNotContainKey("skipped");
            assertThat(line.get("ts")).asString().endsWith("Z");
        }
    }

    @Test
    void libraryLogsGoThroughSlf4jIntoTheSameFormatWarningsAndUp() {
        try (LogCapture log = LogCapture.start()) {
            LoggerFactory.getLogger("io.example.Library").info("chatter {}", 1);
            LoggerFactory.getLogger("io.example.Library").warn("trouble {}", 2);

            assertThat(log.lines()).hasSize(1);
            assertThat(RawMcpClient.json(log.lines().get(0))).containsEntry("level", "WARN")
                    .containsEntry("logger", "io.example.Library").containsEntry("message", "trouble 2");
        }
    }
}
