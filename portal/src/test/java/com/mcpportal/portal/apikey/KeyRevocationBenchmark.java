package com.mcpportal.portal.apikey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.McpServerProcess;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Benchmark harness (not part of the build: the name ends in neither Tests nor IntegrationTests): how long after a
 * revocation the real MCP server, with its default 30 s reload, refuses the key. Each round issues a key, waits
 * until the server accepts it (which happens just after a reload), revokes it and polls tools/list until 401; it also
 * times the publication (the key gone from the file). Even rounds revoke at once, just after a reload: the worst
 * case; odd rounds first wait a random part of the reload interval (seeded), like a revocation at any moment.
 * Results: stdout and target/benchmarks/api-key-revocation.txt; see portal/BENCHMARKS.md.
 * <pre>./mvnw -pl portal verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=KeyRevocationBenchmark</pre>
 * {@code -Dbench.rounds=N} (default 6), {@code -Dbench.reload-seconds=S} (default: the server's default, 30).
 */
@PortalIntegrationTest
class KeyRevocationBenchmark {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    ApiKeyService keys;

    @TempDir
    Path work;

    @Test
    void revocationToRefusal() throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 6);
        Integer reloadSeconds = Integer.getInteger("bench.reload-seconds");
        Team team = data.team("Benchmark", data.user("bench-owner"));
        Environment environment = new Environments(context).ready(team.getId(), "bench-env");
        KeyFiles files = new KeyFiles(context);
        files.await(environment.getCloudId(), text -> text.startsWith("{\"version\":1"), "was written");
        List<Long> worst = new ArrayList<>();
        List<Long> random = new ArrayList<>();
        List<Long> publication = new ArrayList<>();
        Random delays = new Random(6);
        long reloadMillis = (reloadSeconds == null ? 30 : reloadSeconds) * 1000L;
        try (McpServerProcess server = McpServerProcess.start(files.of(environment.getCloudId()),
                environment.getCloudId(), reloadSeconds == null ? null : Duration.ofSeconds(reloadSeconds), work)) {
            for (int round = 0; round < rounds; round++) {
                IssuedKey issued = keys.issue(team.getId(), new IssueKeyCommand("bench " + round, Duration.ofDays(1),
                        true, Set.of(), null));
                server.awaitStatus(issued.plaintext().reveal(), 200, Duration.ofSeconds(70));
                if (round % 2 == 1) {
                    sleep(delays.nextLong(reloadMillis));
                }
                long start = System.nanoTime();
                keys.revoke(team.getId(), issued.key().id());
                files.await(environment.getCloudId(), text -> !text.contains(issued.key().publicId()), "dropped it");
                publication.add((System.nanoTime() - start) / 1_000_000);
                server.awaitStatus(issued.plaintext().reveal(), 401, Duration.ofSeconds(70));
                (round % 2 == 0 ? worst : random).add((System.nanoTime() - start) / 1_000_000);
            }
        }
        String report = "API key revocation to refusal, reload " + (reloadSeconds == null ? "30 (default)"
                : reloadSeconds) + " s, " + rounds + " rounds\n"
                + "  publication (revoke committed -> key gone from the file): " + stats(publication) + "\n"
                + "  refusal, revoked just after a reload (worst case): " + stats(worst) + " " + worst + "\n"
                + "  refusal, revoked at a random moment: " + stats(random) + " " + random + "\n";
        System.out.print(report);
        Path out = Path.of("target/benchmarks/api-key-revocation.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String stats(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return "min " + sorted.get(0) + " ms, median " + sorted.get(sorted.size() / 2) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms";
    }

    /** A server between two reloads of its key set: the harness's stand-in for time passing, not a wait. */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
