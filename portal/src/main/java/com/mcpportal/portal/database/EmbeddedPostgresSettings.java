package com.mcpportal.portal.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the embedded PostgreSQL runs when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster lives; reused on the next start (relative paths resolve against the
 *                      working directory)
 * @param port          the port it listens on (loopback only); 0 picks a free one
 * @param database      the database the portal uses inside the cluster; created on first start
 * @param ephemeral     a throw-away cluster in a temporary directory on a free port, deleted on shutdown (tests)
 */
@ConfigurationProperties("portal.embedded-postgres")
public record EmbeddedPostgresSettings(
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("15432") int port,
        @DefaultValue("portal") String database,
        @DefaultValue("false") boolean ephemeral) {
}
