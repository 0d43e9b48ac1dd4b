package com.mcpportal.portal.database;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context its own database in the test JVM's one embedded PostgreSQL
 * ({@link TestDatabases}), as if {@code spring.datasource.url} pointed at an external database. The database is
 * created when the context first reads the URL, so slices without a data source (MockMvc controller tests) create
 * none. A test that sets {@code spring.datasource.url} itself keeps it. Registered in
 * {@code META-INF/spring.factories}; the same for every context, so it splits no context in the cache.
 */
public final class DatabasePerContext implements ContextCustomizer {

    private static final String URL = "spring.datasource.url";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        boolean ownUrl = Arrays.stream(config.getPropertySourceProperties())
                .anyMatch(property -> property.matches(Pattern.quote(URL) + "\\s*[=:].*"));
        if (!ownUrl) {
            context.getEnvironment().getPropertySources().addFirst(new OwnDatabase());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatabasePerContext;
    }

    @Override
    public int hashCode() {
        return DatabasePerContext.class.hashCode();
    }

    /** Creates the database on the first read of the URL, once per context. */
    static final class OwnDatabase extends PropertySource<Object> {

        private String url;

        OwnDatabase() {
            super("testDatabasePerContext");
        }

        @Override
        public synchronized Object getProperty(String name) {
            return switch (name) {
                case URL -> url == null ? (url = TestDatabases.newDatabase()) : url;
                case "spring.datasource.username" -> "postgres";
                default -> null;
            };
        }
    }

    /** One customizer for every context. */
    public static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return new DatabasePerContext();
        }
    }
}
