package com.mcpportal.portal.apikey;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end with the real MCP server (its built jar, as a child process) reading the key file the portal writes
 * for a simulated environment, reloading it every second: an issued key is accepted, a revoked key refused within
 * the reload interval, and after a roll both keys work until the grace period ends.
 */
@PortalIntegrationTest
class ApiKeyMcpServerIntegrationTests {

    private static final Duration RELOAD = Duration.ofSeconds(1);

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    ApiKeyService keys;

    @TempDir
    Path work;

    @Test
    void theServerFollowsIssueRevokeAndRollWithoutARestart() {
        Team team = data.team("End to end", data.user("e2e-owner"));
        Environment environment = new Environments(context).ready(team.getId(), "e2e-env");
        KeyFiles files = new KeyFiles(context);
        files.await(environment.getCloudId(), text -> text.startsWith("{\"version\":1"), "was written after provisioning");

        try (McpServerProcess server = McpServerProcess.start(files.of(environment.getCloudId()),
                environment.getCloudId(), RELOAD, work)) {
            IssuedKey issued = keys.issue(team.getId(), new IssueKeyCommand("Cursor", Duration.ofDays(30), false,
                    Set.of(environment.getId()), null));
            String key = issued.plaintext().reveal();
            Duration toAccept = server.awaitStatus(key, 200, Duration.ofSeconds(15));
            HttpResponse<String> tools = server.toolsList(key);
            assertThat(tools.statusCode()).isEqualTo(200);
            assertThat(tools.body()).contains("text_to_speech", "list_models");
            assertThat(server.output()).anyMatch(line -> line.contains("\"key_id\":\"" + issued.key().publicId() + "\""))
                    .noneMatch(line -> line.contains(key));

            keys.revoke(team.getId(), issued.key().id());
            Duration toRefuse = server.awaitStatus(key, 401, Duration.ofSeconds(15));
            HttpResponse<String> refused = server.toolsListOnly(key);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).contains("invalid_token"));
            System.out.printf("API keys end to end (reload %d s): issue to acceptance %d ms, revocation to refusal %d ms%n",
                    RELOAD.toSeconds(), toAccept.toMillis(), toRefuse.toMillis());
            // The reload interval plus room for the background publication on a busy machine.
            assertThat(toRefuse).isLessThan(RELOAD.plusSeconds(10));

            IssuedKey before = keys.issue(team.getId(), new IssueKeyCommand("CI", Duration.ofDays(30), true, Set.of(),
                    null));
            String oldKey = before.plaintext().reveal();
            server.awaitStatus(oldKey, 200, Duration.ofSeconds(15));
            Duration grace = Duration.ofSeconds(12);
            IssuedKey after = keys.roll(team.getId(), before.key().id(), grace);
            // The servers refuse the old key from its expiry on, published in whole seconds.
            Instant oldExpires = keys.get(team.getId(), before.key().id()).expiresAt();
            assertThat(oldExpires).isNotNull();
            String newKey = after.plaintext().reveal();
            server.awaitStatus(newKey, 200, Duration.ofSeconds(10));
            Instant asked = Instant.now();
            int oldDuringGrace = server.toolsList(oldKey).statusCode();
            assertThat(asked).as("the new key works before the grace period ends")
                    .isBefore(oldExpires.truncatedTo(ChronoUnit.SECONDS));
            assertThat(oldDuringGrace).as("the old key during the grace period").isEqualTo(200);

            server.awaitStatus(oldKey, 401, grace.plusSeconds(10));
            assertThat(Instant.now()).as("the old key stops only when its grace period ends")
                    .isAfterOrEqualTo(oldExpires.truncatedTo(ChronoUnit.SECONDS));
            assertThat(server.toolsList(newKey).statusCode()).isEqualTo(200);
        }
    }
}
