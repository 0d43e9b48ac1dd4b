/**
 * The embedded PostgreSQL the portal starts when no {@code spring.datasource.url} is set
 * ({@code portal.embedded-postgres.*}, see {@link com.mcpportal.portal.database.EmbeddedPostgresSettings}), with the
 * checks that keep one portal per data directory. Below every feature: it depends on none, and none calls it.
 */
@NullMarked
package com.mcpportal.portal.database;

import org.jspecify.annotations.NullMarked;
