package com.mcpportal.portal.environment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.account.CloudAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * "Test connection": the portal, never the browser, asks an environment's public endpoint for the MCP server's
 * {@code /health} (open without a key) and says what answered. A plain HTTPS GET through API Gateway, not an AWS
 * call, with a short timeout so a page never hangs on it. A read: nothing changes, so nothing is audited.
 */
@Service
public class EndpointHealth {

    /** Long enough for a cold API Gateway and a Fargate task that is up, short enough to wait for in a page. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** How much of an answer's body the message quotes. */
    private static final int QUOTED = 200;

    /** What the check found: whether the server said it is healthy, and a sentence for the user. */
    public record Answer(boolean healthy, String message) {
    }

    private final EnvironmentService environments;
    private final CloudAccounts accounts;
    private final Duration timeout;
    private final HttpClient http;

    @Autowired
    EndpointHealth(EnvironmentService environments, CloudAccounts accounts) {
        this(environments, accounts, TIMEOUT);
    }

    /** With another timeout (whole seconds): a test of a slow server waits 1 s, not the production 5 s. */
    EndpointHealth(EnvironmentService environments, CloudAccounts accounts, Duration timeout) {
        this.environments = environments;
        this.accounts = accounts;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Checks one environment of the team (another team's is not found). */
    public Answer check(long teamId, long environmentId) {
        Environment environment = environments.get(teamId, environmentId);
        Ingress ingress = environment.resources().ingress();
        if (ingress == null || environment.getState() == EnvironmentState.DELETED) {
            return new Answer(false, "No endpoint to test: provision the environment first.");
        }
        String url = ingress.endpoint() + "/health";
        if (accounts.get(environment.getCloudAccountId()).isSimulated()) {
            return new Answer(false, "Simulated account: " + url + " exists only in the portal and no server runs"
                    + " behind it, so nothing was called.");
        }
        return get(url);
    }

    /** GET the URL and describe the answer. */
    Answer get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = quote(response.body());
            boolean healthy = response.statusCode() == 200;
            return new Answer(healthy, (healthy ? "The server answered: " : "Not healthy: ") + "HTTP "
                    + response.statusCode() + " from " + url + (body.isEmpty() ? "" : ", " + body));
        } catch (HttpTimeoutException e) {
            return new Answer(false, "No answer from " + url + " within " + timeout.toSeconds() + " s.");
        } catch (IOException e) {
            return new Answer(false, "Could not reach " + url + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "The test of " + url + " was interrupted.");
        }
    }

    /** The start of the body on one line, without control characters. */
    private static String quote(String body) {
        String line = body == null ? "" : body.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= QUOTED ? line : line.substring(0, QUOTED) + "…";
    }
}
