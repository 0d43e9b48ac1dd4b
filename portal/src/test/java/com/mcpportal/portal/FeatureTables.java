package com.mcpportal.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Which feature owns each table, and the SQL (native, JPQL, JdbcTemplate strings, {@code @Query}) each class of the
 * portal writes, read from its source: an import graph cannot see a feature reading another's table, this can.
 * A feature is the first package below {@code com.mcpportal.portal}; JPQL names entities, which belong to the
 * feature of their class.
 */
final class FeatureTables {

    static final String BASE = "com.mcpportal.portal.";
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path MIGRATIONS = Path.of("..", "db", "migration");

    /** Quartz's tables: only Quartz itself reads and writes them, through its job store. */
    static final String QUARTZ = "quartz";

    /** Every table of db/migration and its owning feature. A new table must be added here, with its owner. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("users", "user"),
            Map.entry("user_external_identity", "user"),
            Map.entry("sign_in_throttle", "security"),
            Map.entry("portal_session", "security"),
            Map.entry("oidc_provider", "security"),
            Map.entry("team", "team"),
            Map.entry("team_member", "team"),
            Map.entry("team_group_mapping", "team"),
            Map.entry("audit_event", "audit"),
            Map.entry("audit_checkpoint", "audit"),
            Map.entry("audit_settings", "audit"),
            Map.entry("audit_verification", "audit"),
            Map.entry("audit_webhook_cursor", "audit"),
            Map.entry("cloud_account", "cloud"),
            Map.entry("simulated_resource", "cloud"),
            Map.entry("simulated_secret", "cloud"),
            Map.entry("simulated_account_role", "cloud"),
            Map.entry("simulated_service_scaling", "cloud"),
            Map.entry("simulated_nat_image", "cloud"),
            Map.entry("environment", "environment"),
            Map.entry("environment_drift", "environment"),
            Map.entry("environment_error_rate", "environment"),
            Map.entry("environment_nat_image", "environment"),
            Map.entry("team_server_update_policy", "environment"),
            Map.entry("operation", "environment"),
            Map.entry("operation_step", "environment"),
            Map.entry("environment_schedule", "schedule"),
            Map.entry("team_schedule", "schedule"),
            Map.entry("schedule_mirror", "schedule"),
            Map.entry("team_schedule_mirror", "schedule"),
            Map.entry("api_key", "apikey"),
            Map.entry("api_key_environment", "apikey"),
            Map.entry("api_key_reveal", "apikey"),
            Map.entry("api_key_rotation_policy", "apikey"),
            Map.entry("key_set_publication", "apikey"),
            Map.entry("personal_access_token", "accesstoken"),
            Map.entry("api_idempotency_key", "api"),
            Map.entry("price", "cost"),
            Map.entry("spot_price", "cost"),
            Map.entry("price_refresh", "cost"),
            Map.entry("team_budget", "cost"),
            Map.entry("network", "network"),
            Map.entry("network_team", "network"),
            Map.entry("network_environment", "network"),
            Map.entry("network_nat_stop_failure", "network"),
            Map.entry("notification_channel", "notification"),
            Map.entry("notification_delivery", "notification"),
            Map.entry("notification_mail_server", "notification"));

    /**
     * The only classes that may read another feature's tables, each with its reason. Keep it short: the owning feature
     * offers a query method instead.
     */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            // The reconcile pass loads every ready environment with its schedule in one query, and the latest
            // operation of those out of their desired state in a second: a query per environment through the
            // environment feature would cost 10,000 round trips a minute (BENCHMARKS.md, "Schedules with the database").
            BASE + "schedule.power.ReadyEnvironments", Set.of("environment", "operation"));

    /** CREATE TABLE in all its forms a migration may use: temporary or unlogged, IF NOT EXISTS, schema-qualified. */
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)create\\s+(?:(?:global|local)\\s+)?(?:(?:temporary|temp|unlogged)\\s+)?table\\s+"
                    + "(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?\"?([a-z_][a-z0-9_]*)");
    private static final Pattern LOOKS_LIKE_SQL = Pattern.compile(
            "(?is)\\bselect\\b.+\\bfrom\\b|\\binsert\\s+into\\b|\\bupdate\\s+\\w+(?:\\s+\\w+)?\\s+set\\b"
                    + "|\\bdelete\\s+from\\b|\\bmerge\\s+into\\b");
    /**
     * A table or entity after FROM, JOIN, INTO, UPDATE or USING (PostgreSQL's {@code DELETE … USING}, {@code MERGE …
     * USING}), and those after commas in a FROM list; the SQL is read with quotes and the {@code public.} schema off.
     */
    private static final Pattern NAMED = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|using)\\s+([a-z_][a-z0-9_]*)"
                    + "((?:\\s+(?:as\\s+)?(?!where\\b|on\\b|set\\b|join\\b|left\\b|inner\\b|order\\b|group\\b)"
                    + "[a-z_][a-z0-9_]*)?(?:\\s*,\\s*[a-z_][a-z0-9_]*"
                    + "(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?)*)");
    private static final Pattern LISTED = Pattern.compile("(?i),\\s*([a-z_][a-z0-9_]*)");

    private FeatureTables() {
    }

    /** The tables the migrations create. */
    static Set<String> migratedTables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher created = CREATE_TABLE.matcher(Files.readString(file));
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    /** The owner of a table, Quartz's for its {@code qrtz_} tables, or empty for one no migration creates. */
    static Optional<String> ownerOfTable(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        return name.startsWith("qrtz_") ? Optional.of(QUARTZ) : Optional.ofNullable(OWNERS.get(name));
    }

    static String featureOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(BASE)) {
            return "";
        }
        String below = name.substring(BASE.length());
        int dot = below.indexOf('.');
        return dot < 0 ? below : below.substring(0, dot);
    }

    /** A top-level class may name in its SQL only its own feature's tables and entities (or what it is allowed). */
    static ArchCondition<JavaClass> queryOnlyTheirFeaturesTables(JavaClasses all) {
        Map<String, String> entities = new java.util.HashMap<>();
        all.stream().filter(type -> type.isAnnotatedWith("jakarta.persistence.Entity"))
                .forEach(type -> entities.put(type.getSimpleName(), featureOf(type)));
        return new ArchCondition<>("name only their own feature's tables and entities in SQL") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String feature = featureOf(type);
                Set<String> allowed = ALLOWED.getOrDefault(type.getName(), Set.of());
                for (String name : namesInSql(type)) {
                    Optional<String> owner = Optional.ofNullable(entities.get(name)).or(() -> ownerOfTable(name));
                    if (owner.isPresent() && !owner.get().equals(feature) && !allowed.contains(name)) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " (" + feature
                                + ") names " + name + " of " + owner.get() + " in SQL; ask " + owner.get()
                                + " through a public method instead"));
                    }
                }
            }
        };
    }

    /** Only classes of the same feature depend on the class (its subpackages count as the feature). */
    static ArchCondition<JavaClass> beUsedOnlyInTheirFeature() {
        return new ArchCondition<>("be used only inside their own feature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String feature = featureOf(type);
                type.getDirectDependenciesToSelf().stream()
                        .filter(dependency -> !featureOf(dependency.getOriginClass()).equals(feature))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(type,
                                dependency.getDescription() + ": " + type.getSimpleName() + " belongs to " + feature)));
            }
        };
    }

    /** Every table and entity name the class's SQL strings name. */
    static Set<String> namesInSql(JavaClass type) {
        Path source = SOURCES.resolve(type.getPackageName().replace('.', '/'))
                .resolve(type.getSource().flatMap(s -> s.getFileName()).orElse(type.getSimpleName() + ".java"));
        if (!Files.exists(source)) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>();
        try {
            for (String literal : JavaStrings.of(Files.readString(source))) {
                if (!LOOKS_LIKE_SQL.matcher(literal).find()) {
                    continue;
                }
                Matcher named = NAMED.matcher(unquoted(literal));
                while (named.find()) {
                    names.add(named.group(1));
                    Matcher listed = LISTED.matcher(named.group(2));
                    while (listed.find()) {
                        names.add(listed.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The SQL with its identifiers' quotes ({@code "team"}, escaped in a Java literal) and the schema taken off. */
    static String unquoted(String sql) {
        return sql.replace("\\\"", "").replace("\"", "").replaceAll("(?i)\\bpublic\\.", "");
    }

    /** The string literals of a Java source, text blocks included; literals joined by {@code +} come as one. */
    static final class JavaStrings {

        private JavaStrings() {
        }

        static List<String> of(String source) {
            List<String> literals = new ArrayList<>();
            StringBuilder current = null;
            boolean joining = false;
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (source.startsWith("//", i)) {
                    i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
                } else if (source.startsWith("/*", i)) {
                    i = source.indexOf("*/", i + 2) < 0 ? source.length() : source.indexOf("*/", i + 2) + 2;
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    current = append(literals, current, joining, source.substring(i + 3, end));
                    joining = false;
                    i = end + 3;
                } else if (c == '"' || c == '\'') {
                    int end = i + 1;
                    while (source.charAt(end) != c) {
                        end += source.charAt(end) == '\\' ? 2 : 1;
                    }
                    if (c == '"') {
                        current = append(literals, current, joining, source.substring(i + 1, end));
                        joining = false;
                    }
                    i = end + 1;
                } else if (c == '+' && current != null) {
                    joining = true;
                    i++;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else {
                    current = null;
                    joining = false;
                    i++;
                }
            }
            return literals;
        }

        private static StringBuilder append(List<String> literals, StringBuilder current, boolean joining,
                String text) {
            if (joining && current != null) {
                current.append(text);
                literals.set(literals.size() - 1, current.toString());
                return current;
            }
            StringBuilder started = new StringBuilder(text);
            literals.add(text);
            return started;
        }
    }
}
