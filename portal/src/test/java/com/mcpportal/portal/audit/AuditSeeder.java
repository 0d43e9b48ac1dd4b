package com.mcpportal.portal.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Seeds a realistic audit log quickly for the benchmark: events are generated and hash-chained in Java and
 * streamed in with COPY (constant memory). 200 teams with skewed activity, a scheduler that starts and stops
 * environments, people changing things, sign-ins without a team, a few failures and denials.
 */
final class AuditSeeder {

    private static final String[] USER_ACTIONS = {"environment.created", "environment.deleted",
        "environment.schedule.changed", "apikey.created", "apikey.revoked", "apikey.rolled", "team.member.added",
        "team.member.role.changed", "team.renamed", "environment.override.set"};

    private AuditSeeder() {
    }

    /** Appends {@code count} chained events spread evenly from {@code from} to {@code to} to an empty log. */
    static void seed(Connection connection, int count, Instant from, Instant to, long randomSeed)
            throws SQLException, IOException {
        Random random = new Random(randomSeed);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                COPY audit_event (id, occurred_at, actor, team_id, action, target_type, target_id, outcome, client_ip,
                                  user_agent, details, prev_hash, hash) FROM STDIN""");
        long step = Duration.between(from, to).toNanos() / 1000 / count; // microseconds between events
        String prev = AuditHasher.GENESIS;
        StringBuilder buffer = new StringBuilder(1 << 20);
        for (int i = 1; i <= count; i++) {
            ChainedEvent event = event(i, from.plus(step * (i - 1), ChronoUnit.MICROS), random, prev);
            prev = event.hash();
            line(buffer, event);
            if (buffer.length() > (1 << 20) - 4096) {
                byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                buffer.setLength(0);
            }
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        try (var statement = connection.createStatement()) {
            statement.execute("SELECT setval('audit_event_id_seq', " + count + ")");
        }
    }

    private static ChainedEvent event(long id, Instant at, Random random, String prev) {
        double kind = random.nextDouble();
        long team = 1 + (long) (200 * Math.pow(random.nextDouble(), 2)); // a few busy teams, many quiet ones
        String env = "env-" + (team * 10 + random.nextInt(10));
        String user = "user-" + (1 + random.nextInt(500));
        String ip = "10.0." + random.nextInt(256) + "." + random.nextInt(256);
        String agent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/" + (120 + random.nextInt(20)) + ".0";
        Map<String, Object> details = new LinkedHashMap<>();
        ChainedEvent unsigned;
        if (kind < 0.40) {
            boolean start = random.nextBoolean();
            details.put("environment", env);
            details.put("reason", "window Mon 08:00-20:00 Europe/Berlin " + (start ? "opened" : "closed"));
            unsigned = new ChainedEvent(id, at, AuditEntry.SCHEDULER, team, start ? "environment.started"
                    : "environment.stopped", "environment", env, random.nextDouble() < 0.03 ? AuditOutcome.FAILURE
                    : AuditOutcome.SUCCESS, null, null, canonical(details), prev, null);
        }
        else if (kind < 0.88) {
            String action = USER_ACTIONS[random.nextInt(USER_ACTIONS.length)];
            details.put("environment", env);
            details.put("note", "changed by " + user);
            details.put("count", random.nextInt(1000));
            unsigned = new ChainedEvent(id, at, user, team, action, action.startsWith("team") ? "user" : "environment",
                    action.startsWith("team") ? Integer.toString(random.nextInt(500)) : env,
                    random.nextDouble() < 0.02 ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS, ip, agent,
                    canonical(details), prev, null);
        }
        else if (kind < 0.99) {
            boolean failed = random.nextDouble() < 0.1;
            details.put("username", user);
            unsigned = new ChainedEvent(id, at, failed ? "anonymous" : user, null, "auth.sign-in", "user", user,
                    failed ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS, ip, agent, canonical(details), prev, null);
        }
        else {
            details.put("required", "OWNER");
            details.put("reason", "not a member");
            unsigned = new ChainedEvent(id, at, user, team, "team.access.denied", "team", Long.toString(team),
                    AuditOutcome.DENIED, ip, agent, canonical(details), prev, null);
        }
        return unsigned.signed();
    }

    /**
     * jsonb's own text form of a flat object (keys ordered by length, then bytes; ", " and ": " separators), so
     * the hash computed here is the one the verifier recomputes from {@code details::text}. Values are plain ASCII.
     */
    static String canonical(Map<String, Object> details) {
        List<String> keys = new ArrayList<>(details.keySet());
        keys.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        StringBuilder json = new StringBuilder("{");
        for (String key : keys) {
            if (json.length() > 1) {
                json.append(", ");
            }
            Object value = details.get(key);
            json.append('"').append(key).append("\": ")
                    .append(value instanceof Number ? value.toString() : "\"" + value + "\"");
        }
        return json.append('}').toString();
    }

    private static void line(StringBuilder out, ChainedEvent e) {
        out.append(e.id()).append('\t').append(e.occurredAt()).append('\t').append(e.actor()).append('\t')
                .append(e.teamId() == null ? "\\N" : e.teamId().toString()).append('\t').append(e.action()).append('\t')
                .append(orNull(e.targetType())).append('\t').append(orNull(e.targetId())).append('\t')
                .append(e.outcome().name()).append('\t').append(orNull(e.clientIp())).append('\t')
                .append(orNull(e.userAgent())).append('\t').append(e.details()).append('\t').append(e.prevHash())
                .append('\t').append(e.hash()).append('\n');
    }

    private static String orNull(String value) {
        return value == null ? "\\N" : value;
    }
}
