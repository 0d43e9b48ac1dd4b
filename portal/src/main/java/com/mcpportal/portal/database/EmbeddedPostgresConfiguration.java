package com.mcpportal.portal.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Without {@code spring.datasource.url}, runs an embedded PostgreSQL and exposes it as the one {@code DataSource}
 * that Flyway, JPA and Quartz use. With the URL set, this configuration does nothing and Spring Boot's
 * auto-configured pool connects to that database instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedPostgresSettings.class)
public class EmbeddedPostgresConfiguration {

    /**
     * Starts the server early, in parallel with the rest of the context (see {@link EmbeddedPostgresStart}). Static,
     * and binding its settings itself, because a bean factory post-processor is made before the beans that bind
     * {@code @ConfigurationProperties}.
     */
    @Bean
    static EmbeddedPostgresStart embeddedPostgresStart(Environment environment) {
        return EmbeddedPostgresStart.begin(Binder.get(environment).bindOrCreate("portal.embedded-postgres",
                EmbeddedPostgresSettings.class));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresStart start) {
        return start.server();
    }

    /** Pool settings still come from {@code spring.datasource.hikari.*}, as they would for an external database. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(server.jdbcUrl())
                .username(server.username())
                .build();
        dataSource.setPoolName("portal-embedded");
        return dataSource;
    }
}
