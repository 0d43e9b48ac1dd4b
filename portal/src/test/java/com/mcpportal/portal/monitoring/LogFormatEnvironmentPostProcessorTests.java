package com.mcpportal.portal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LogFormatEnvironmentPostProcessorTests {

    private final LogFormatEnvironmentPostProcessor processor = new LogFormatEnvironmentPostProcessor();

    @Test
    void jsonMeansElasticCommonSchemaOnTheConsole() {
        assertThat(formatFor("json")).isEqualTo("ecs");
        assertThat(formatFor(" JSON ")).isEqualTo("ecs");
        assertThat(formatFor("logstash")).isEqualTo("logstash");
        assertThat(formatFor("gelf")).isEqualTo("gelf");
    }

    @Test
    void textOrNothingKeepsTheUsualLines() {
        assertThat(formatFor("text")).isNull();
        assertThat(formatFor(null)).isNull();
    }

    @Test
    void anExplicitStructuredFormatWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("portal.log-format", "json")
                .withProperty("logging.structured.format.console", "logstash");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void anUnknownFormatStopsTheStartWithAMessageNamingTheVariable() {
        assertThatThrownBy(() -> formatFor("xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PORTAL_LOG_FORMAT").hasMessageContaining("json").hasMessageContaining("'xml'");
    }

    private String formatFor(String value) {
        MockEnvironment environment = new MockEnvironment();
        if (value != null) {
            environment.setProperty("portal.log-format", value);
        }
        processor.postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("logging.structured.format.console");
    }
}
