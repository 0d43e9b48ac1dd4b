package com.mcpportal.portal.apikey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code portal.keys.*} as an operator sets it: the defaults live in {@link ApiKeySettings} alone (not in
 * application.properties), and the documented variable {@code PORTAL_KEYS_SIMULATED_DIR} (docker-compose sets it)
 * still reaches {@code simulated-dir} through Spring's environment-variable names.
 */
class ApiKeySettingsBindingTests {

    @Test
    void withNothingSetTheRecordsDefaultsApply() {
        ApiKeySettings settings = bind(Map.of());

        assertThat(settings.simulatedDir()).isEqualTo(Path.of("data/keys"));
        assertThat(settings.defaultLifetime()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.maxLifetime()).isEqualTo(Duration.ofDays(365));
        assertThat(settings.rotationCron()).isEqualTo("0 15 3 * * ?");
    }

    @Test
    void theDocumentedEnvironmentVariableSetsTheKeyFilesFolder() {
        ApiKeySettings settings = bind(Map.of("PORTAL_KEYS_SIMULATED_DIR", "/var/lib/mcp-portal/keys",
                "PORTAL_KEYS_MAX_LIFETIME", "30d", "PORTAL_KEYS_DEFAULT_LIFETIME", "7d"));

        assertThat(settings.simulatedDir()).isEqualTo(Path.of("/var/lib/mcp-portal/keys"));
        assertThat(settings.maxLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.defaultLifetime()).isEqualTo(Duration.ofDays(7));
    }

    private static ApiKeySettings bind(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("portal.keys", ApiKeySettings.class);
    }
}
