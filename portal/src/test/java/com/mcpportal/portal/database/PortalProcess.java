package com.mcpportal.portal.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole portal as a user runs it: its main class in a child JVM, in a working directory of its own (so
 * {@code data/} starts empty and persists across restarts), with default settings except port 0 for the embedded
 * PostgreSQL, a free HTTP port and the environment given. Signs in and gets a personal access token the way a
 * person does (the pages), then drives the REST API with it.
 */
final class PortalProcess {

    static final String ADMIN_PASSWORD = "restart-test-admin-password";
    private static final String ADMIN_NEW_PASSWORD = "restart-test-admin-own-choice";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKEN = Pattern.compile("mcpp_[A-Za-z0-9]+_[A-Za-z0-9]+");

    private final Path workingDirectory;
    private final int httpPort;
    private final Map<String, String> environment;

    PortalProcess(Path workingDirectory, Map<String, String> environment) {
        this.workingDirectory = workingDirectory;
        this.httpPort = freePort();
        this.environment = new HashMap<>(environment);
        this.environment.putAll(Map.of("PORTAL_EMBEDDED_POSTGRES_PORT", "0", "SERVER_PORT",
                Integer.toString(httpPort), "PORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD));
    }

    /** Starts the portal and waits until it is ready for traffic; fails fast if it exits instead. */
    ChildJvm start(Duration readyWithin) {
        ChildJvm portal = ChildJvm.start("com.mcpportal.portal.PortalApplication", List.of(), environment,
                workingDirectory, false);
        try {
            await("portal ready on /actuator/health/readiness").atMost(readyWithin)
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("the portal exited", () -> !portal.process().isAlive())
                    .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                    .until(() -> get("/actuator/health/readiness", null).statusCode() == 200);
            // What the start did about its database, and how long it took, in the test's report.
            portal.output().stream().filter(line -> line.contains("embedded PostgreSQL") || line.contains(
                    "postmaster.pid") || line.contains("Started PortalApplication")).forEach(System.out::println);
            return portal;
        }
        catch (RuntimeException notReady) {
            portal.close();
            throw new AssertionError(notReady.getMessage() + portal.tail(), notReady);
        }
    }

    Path dataDirectory() {
        return workingDirectory.resolve("data").resolve("postgres");
    }

    /** Signs in as the administrator, creates a team and issues a personal access token, all through the pages. */
    Session signInWithNewTeam(String teamName) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        String login = send(browser, HttpRequest.newBuilder(uri("/login")).GET().build()).body();
        HttpResponse<String> signedIn = send(browser, form("/login", Map.of("username", "admin", "password",
                ADMIN_PASSWORD, "_csrf", hidden(login, "_csrf"))));
        assertThat(signedIn.uri().getPath()).as("signed in").isNotEqualTo("/login");
        if (signedIn.uri().getPath().equals("/account/password")) {
            // A configured first password has passed through deployment files: the portal asks for a new one.
            HttpResponse<String> changed = send(browser, form("/account/password", Map.of("currentPassword",
                    ADMIN_PASSWORD, "newPassword", ADMIN_NEW_PASSWORD, "confirmPassword", ADMIN_NEW_PASSWORD, "_csrf",
                    hidden(signedIn.body(), "_csrf"))));
            assertThat(changed.uri().getPath()).as("first password changed").isNotEqualTo("/account/password");
        }
        String teams = send(browser, HttpRequest.newBuilder(uri("/teams")).GET().build()).body();
        HttpResponse<String> team = send(browser, form("/teams", Map.of("name", teamName, "_csrf",
                hidden(teams, "_csrf"))));
        long teamId = Long.parseLong(team.uri().getPath().replaceAll(".*/teams/(\\d+).*", "$1"));
        String tokens = send(browser, HttpRequest.newBuilder(uri("/account/tokens")).GET().build()).body();
        String issued = send(browser, form("/account/tokens", Map.of("name", "restart test", "lifetimeDays", "7",
                "requestToken", hidden(tokens, "requestToken"), "_csrf", hidden(tokens, "_csrf")))).body();
        Matcher token = TOKEN.matcher(issued);
        assertThat(token.find()).as("the issued token is shown").isTrue();
        return new Session(token.group(), teamId);
    }

    /** The REST API as a script with a personal access token uses it. */
    final class Session {

        private final String token;
        private final long teamId;

        private Session(String token, long teamId) {
            this.token = token;
            this.teamId = teamId;
        }

        JsonNode post(String path, String json) {
            HttpResponse<String> response = send(HTTP, HttpRequest.newBuilder(uri(teamPath(path)))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
            assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isIn(200, 201, 202);
            return JSON.readTree(response.body());
        }

        JsonNode get(String path) {
            HttpResponse<String> response = PortalProcess.this.get(teamPath(path), token);
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        private String teamPath(String path) {
            return "/api/v1/teams/" + teamId + path;
        }
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(HTTP, request.build());
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The value of a hidden form field (Thymeleaf writes the CSRF token into every form it renders). */
    private static String hidden(String html, String name) {
        Matcher input = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(html);
        assertThat(input.find()).as("field %s on the page", name).isTrue();
        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
        assertThat(value.find()).as("value of %s", name).isTrue();
        return value.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
