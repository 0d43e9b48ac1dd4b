package com.mcpportal.portal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What CloudWatch or ELK receives with {@code PORTAL_LOG_FORMAT=json}: one JSON object per log line. */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTests {

    @Test
    void portalLogFormatJsonWritesOneEcsJsonObjectPerLine(CapturedOutput output) {
        // Another test's context may have set logging up already; a new start only re-reads it after a clean-up.
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext context = start("json")) {
            LoggerFactory.getLogger("com.mcpportal.portal.Example").info("environment env-1 started");
        } finally {
            // Logging is global to the JVM: put the usual text format back for the tests that follow.
            start("text").close();
        }

        String line = output.getOut().lines().filter(l -> l.contains("environment env-1 started")).findFirst()
                .orElseThrow();
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("environment env-1 started");
        assertThat(json.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(json.get("log").get("logger").asString()).isEqualTo("com.mcpportal.portal.Example");
        assertThat(json.has("@timestamp")).isTrue();
    }

    private static ConfigurableApplicationContext start(String format) {
        // As PORTAL_LOG_FORMAT would: above application.properties.
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off").run("--portal.log-format=" + format);
    }

    /** No beans: only the environment and logging set-up run. */
    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
