package com.mcpportal.portal.monitoring;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code PORTAL_LOG_FORMAT} ({@code portal.log-format}): {@code text} (default), or {@code json} for one JSON
 * object per line on the console, which CloudWatch Logs, ELK and Loki read without parsing rules. {@code json}
 * means Elastic Common Schema; {@code ecs}, {@code logstash} and {@code gelf} pick Spring Boot's structured
 * formats by name. It only sets {@code logging.structured.format.console}, and a value set for that property
 * directly still wins.
 */
public class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY = "portal.log-format";
    static final String STRUCTURED_CONSOLE = "logging.structured.format.console";
    private static final Map<String, String> FORMATS = Map.of("json", "ecs", "ecs", "ecs", "logstash", "logstash",
            "gelf", "gelf");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "text").trim().toLowerCase(Locale.ROOT);
        if (format.isEmpty() || format.equals("text")) {
            return;
        }
        String structured = FORMATS.get(format);
        if (structured == null) {
            throw new IllegalArgumentException("PORTAL_LOG_FORMAT (portal.log-format) must be text, json, ecs, "
                    + "logstash or gelf, not '" + format + "'");
        }
        // Last: any explicit logging.structured.format.console, from any source, keeps precedence.
        environment.getPropertySources().addLast(new MapPropertySource("portalLogFormat",
                Map.of(STRUCTURED_CONSOLE, structured)));
    }
}
