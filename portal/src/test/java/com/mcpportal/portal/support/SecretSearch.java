package com.mcpportal.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/** Looks for a secret where the portal keeps things: every text, JSON or binary column, and the files of a folder. */
public final class SecretSearch {

    private final JdbcTemplate jdbc;

    public SecretSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every table.column of the portal's schema whose text, JSON or bytes contain the value. */
    public List<String> columnsContaining(String value) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'USER-DEFINED')
                ORDER BY table_name, column_name""");
        if (columns.stream().noneMatch(column -> "audit_event".equals(column.get("table_name")))) {
            throw new IllegalStateException("The schema search sees no audit_event table: it would find nothing");
        }
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = "\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            String condition = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in " + name + ") > 0"
                    : "strpos(" + name + "::text, ?) > 0";
            Integer hits = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + condition, Integer.class,
                    value);
            if (hits != null && hits > 0) {
                found.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        return found;
    }

    /** Every regular file under the directory (none if it does not exist) that contains the value. */
    public static List<Path> filesContaining(Path directory, String value) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return Files.readString(file).contains(value);
                } catch (IOException | UncheckedIOException unreadable) {
                    return false;
                }
            }).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
