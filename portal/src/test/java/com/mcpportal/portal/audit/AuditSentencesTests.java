package com.mcpportal.portal.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.mcpportal.portal.environment.operation.OperationKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log's sentences: one for every action the portal records, saying who did what to which. */
class AuditSentencesTests {

    /** A dotted action name in a source file that records audit events ({@code "apikey.rolled"}). */
    private static final Pattern ACTION_LITERAL = Pattern.compile("\"([a-z][a-z-]*(?:\\.[a-z][a-z-]*)+)\"");

    @Test
    void everyActionTheCodeRecordsHasASentence() {
        Set<String> actions = recordedActions();
        assertThat(actions).as("found in the code").hasSizeGreaterThan(50)
                .contains("apikey.rolled", "team.member.added", "cloud-account.connection-tested");

        assertThat(actions).allSatisfy(action -> assertThat(AuditSentences.covers(action)).as(action).isTrue());
    }

    @Test
    void everyOperationKindsActionsHaveASentence() {
        for (OperationKind kind : OperationKind.values()) {
            List<String> actions = Stream.concat(Stream.of("environment." + kind.pastTense()),
                    Stream.of("requested", "retried", "failed", "refused")
                            .map(stage -> "environment." + kind.verb() + "." + stage)).toList();
            assertThat(actions).allSatisfy(action -> {
                assertThat(AuditSentences.covers(action)).as(action).isTrue();
                assertThat(sentence(action, "alice", "{\"name\":\"staging\"}")).as(action)
                        .contains("environment staging").doesNotContain(action);
            });
        }
    }

    @Test
    void aSentenceSaysWhoDidWhatToWhich() {
        assertThat(sentence("apikey.rolled", "alice", "{\"name\":\"ci-bot\",\"graceSeconds\":3600}"))
                .isEqualTo("alice rolled key ci-bot with 1 h grace");
        assertThat(sentence("apikey.rolled", "scheduler",
                "{\"name\":\"ci-bot\",\"graceSeconds\":0,\"reason\":\"rotation policy\"}"))
                .isEqualTo("scheduler rolled key ci-bot with no grace (rotation policy)");
        assertThat(sentence("team.member.role.changed", "alice", "{\"username\":\"bob\",\"from\":\"VIEWER\",\"to\":\"OPERATOR\"}"))
                .isEqualTo("alice changed the role of bob from viewer to operator");
        assertThat(sentence("environment.updated", "alice", "{\"name\":\"staging\",\"changed\":[\"cpu\",\"memory\"]}"))
                .isEqualTo("alice changed cpu, memory of environment staging");
        assertThat(sentence("environment.stop.requested", "scheduler", "{\"name\":\"staging\",\"reason\":\"window ended\"}"))
                .isEqualTo("scheduler asked to stop environment staging (window ended)");
        assertThat(sentence("environment.stop.observed", "aws-scheduler",
                "{\"name\":\"staging\",\"reason\":\"window Mon 08:00–20:00 UTC closed\"}"))
                .isEqualTo("the hours kept in AWS stopped environment staging (window Mon 08:00–20:00 UTC closed);"
                        + " the portal saw it and did not stop it again");
        assertThat(AuditSentences.of("auth.sign-in", "anonymous", "FAILURE", "user", "mallory",
                "{\"username\":\"mallory\",\"reason\":\"bad-credentials\"}"))
                .isEqualTo("someone failed to sign in as mallory (bad-credentials)");
    }

    @Test
    void missingDetailsAndUnknownActionsStillRead() {
        assertThat(sentence("apikey.rolled", "alice", "{}")).isEqualTo("alice rolled key ? with an unknown grace");
        assertThat(sentence("apikey.rolled", "alice", "not json")).startsWith("alice rolled key ?");
        assertThat(AuditSentences.covers("test.detail")).isFalse();
        assertThat(AuditSentences.of("test.detail", "alice", "SUCCESS", "team", "3", "{}"))
                .isEqualTo("alice: test.detail team 3");
        assertThat(AuditSentences.of("test.detail", "alice", "SUCCESS", null, null, "{\"note\":\"hello\",\"n\":2}"))
                .isEqualTo("alice: test.detail (note: hello, n: 2)");
        assertThat(AuditSentences.of("test.detail", "alice", "SUCCESS", null, null,
                "{\"note\":\"" + "x".repeat(500) + "\"}")).hasSizeLessThan(200).endsWith("…)");
    }

    @Test
    void detailsBecomeNameAndValuePairsInTheirOrder() {
        assertThat(AuditSentences.detailsList("{\"name\":\"ci-bot\",\"scopes\":[\"a\",\"b\"],\"nested\":{\"k\":1}}"))
                .containsExactly(Map.entry("name", "ci-bot"), Map.entry("scopes", "a, b"),
                        Map.entry("nested", "{\"k\":1}"));
    }

    private static String sentence(String action, String actor, String details) {
        return AuditSentences.of(action, actor, "SUCCESS", null, null, details);
    }

    /** The action names in every main source file that builds an {@code AuditEntry}. */
    private static Set<String> recordedActions() {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(file -> file.toString().endsWith(".java")).map(AuditSentencesTests::read)
                    .filter(source -> source.contains("AuditEntry.success(") || source.contains("AuditEntry.failure(")
                            || source.contains("AuditEntry.denied("))
                    .forEach(source -> {
                        Matcher literal = ACTION_LITERAL.matcher(source);
                        while (literal.find()) {
                            actions.add(literal.group(1));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Not actions: a system property and a schedule form field that share a file with audited code.
        actions.removeAll(Arrays.asList("user.name", "override.until"));
        return actions;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
