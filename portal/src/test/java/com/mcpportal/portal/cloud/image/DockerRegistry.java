package com.mcpportal.portal.cloud.image;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real OCI registry for tests: the CNCF distribution registry from Debian's {@code docker-registry} package
 * ({@code docker-registry serve CONFIG}, no Docker), on a free loopback port, with its storage and a config of its own
 * in a temporary folder; optionally with basic authentication (an htpasswd user, as ECR's {@code AWS} and token) or
 * read-only. Use it as {@code @RegisterExtension static final DockerRegistry registry = DockerRegistry.plain();}; a
 * class on a machine without the package is reported skipped, with one line. Its access log tells which Registry API
 * calls were made ({@link #requests()}); {@link #manifest} and {@link #blob} read what was pushed, over the same API.
 * Outside JUnit (a benchmark's {@code main}): {@link #installed()}, {@link #start()}, {@link #stop()}.
 */
public final class DockerRegistry implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private static final Pattern ACCESS = Pattern.compile("\"(GET|HEAD|POST|PUT|PATCH|DELETE) (\\S+) HTTP/[\\d.]+\" "
            + "(\\d{3})");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One Registry API call from the access log: method, path (query left off) and status. */
    public record Request(String method, String path, int status, String query) {

        public Request(String method, String path, int status) {
            this(method, path, status, "");
        }

        /** The digest a finished blob upload names ({@code PUT …/blobs/uploads/<id>?digest=sha256:…}), or null. */
        public String uploadedDigest() {
            Matcher digest = UPLOADED.matcher(query);
            return method.equals("PUT") && path.contains("/blobs/uploads/") && digest.find()
                    ? digest.group(1).replace("%3A", ":").replace("%3a", ":") : null;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Request r && r.method.equals(method) && r.path.equals(path) && r.status == status;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(method, path, status);
        }

        @Override
        public String toString() {
            return method + " " + path + " " + status;
        }
    }

    private static final Pattern UPLOADED = Pattern.compile("[?&]digest=(sha256(?::|%3[Aa])[0-9a-f]{64})");

    /** A manifest as served: its JSON and its digest (SHA-256 of the bytes). */
    public record Manifest(JsonNode json, String digest) {
    }

    private final String username;
    private final String password;
    private final boolean readOnly;
    private final HttpClient http = HttpClient.newHttpClient();
    private Path folder;
    private Path log;
    private Process process;
    private int port;

    private DockerRegistry(String username, String password, boolean readOnly) {
        this.username = username;
        this.password = password;
        this.readOnly = readOnly;
    }

    /** Anyone may pull and push. */
    public static DockerRegistry plain() {
        return new DockerRegistry(null, null, false);
    }

    /** Basic authentication with one user, as ECR takes {@code AWS} and its token. */
    public static DockerRegistry withLogin(String username, String password) {
        return new DockerRegistry(username, password, false);
    }

    /** Pulls work, pushes are refused (the registry's maintenance read-only mode). */
    public static DockerRegistry readOnly() {
        return new DockerRegistry(null, null, true);
    }

    /** True where Debian's {@code docker-registry} package is installed. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** A class on a machine without the package is skipped (reported as such) with one line. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return installed() ? ConditionEvaluationResult.enabled("docker-registry found")
                : ConditionEvaluationResult.disabled("docker-registry not installed (Debian package docker-registry,"
                        + " .ci/run installs it): real-registry tests skipped");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** Starts the registry on a free loopback port, with a config and storage of its own. */
    public void start() throws IOException {
        folder = Files.createTempDirectory("docker-registry");
        log = folder.resolve("registry.log");
        port = freePort();
        Files.writeString(folder.resolve("config.yml"), config());
        process = new ProcessBuilder(BINARY.toString(), "serve", folder.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await("docker-registry on port " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("docker-registry exited: " + Files.readString(log));
                    }
                    return answers();
                });
    }

    /** Stops it and deletes its storage. */
    public void stop() throws IOException, InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
        if (folder != null) {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    /** {@code 127.0.0.1:<port>}: the registry part of an image reference. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:<port>}: a registry override. */
    public URI url() {
        return URI.create("http://" + host());
    }

    /** Every call so far, oldest first. */
    public List<Request> requests() {
        List<Request> requests = new ArrayList<>();
        Matcher matcher = ACCESS.matcher(readLog());
        while (matcher.find()) {
            String uri = matcher.group(2);
            int query = uri.indexOf('?');
            requests.add(new Request(matcher.group(1), query < 0 ? uri : uri.substring(0, query),
                    Integer.parseInt(matcher.group(3)), query < 0 ? "" : uri.substring(query)));
        }
        return requests;
    }

    /** The manifest (or index) a tag or digest names in a repository. */
    public Manifest manifest(String repository, String reference) {
        byte[] body = get("/v2/" + repository + "/manifests/" + reference, RegistryManifests.ACCEPT);
        return new Manifest(JSON.readTree(body), "sha256:" + HexFormat.of().formatHex(CarriedServer.sha256()
                .digest(body)));
    }

    /** A manifest's bytes as served, as text (what {@code ecr:PutImage} takes as {@code imageManifest}). */
    public String manifestText(String repository, String reference) {
        return new String(get("/v2/" + repository + "/manifests/" + reference, RegistryManifests.ACCEPT),
                StandardCharsets.UTF_8);
    }

    /** Calls since the {@code from}-th that wrote something (a blob upload, a manifest, a delete). */
    public List<Request> writesSince(int from) {
        List<Request> all = requests();
        return all.subList(Math.min(from, all.size()), all.size()).stream()
                .filter(request -> !request.method().equals("GET") && !request.method().equals("HEAD")).toList();
    }

    /** A blob's size, from its {@code HEAD} answer. */
    public long blobSize(String repository, String digest) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/" + repository
                + "/blobs/" + digest)).method("HEAD", HttpRequest.BodyPublishers.noBody());
        authorize(request);
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValueAsLong("Content-Length").orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A blob's bytes. */
    public byte[] blob(String repository, String digest) {
        return get("/v2/" + repository + "/blobs/" + digest, "*/*");
    }

    /** A blob read as JSON: an image's configuration. */
    public JsonNode json(String repository, String digest) {
        return JSON.readTree(blob(repository, digest));
    }

    private byte[] get(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host() + path))
                .header("Accept", accept).GET();
        authorize(request);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + ": " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void authorize(HttpRequest.Builder request) {
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    private String config() throws IOException {
        StringBuilder config = new StringBuilder("""
                version: 0.1
                log:
                  level: info
                storage:
                  filesystem:
                    rootdirectory: %s
                  maintenance:
                    uploadpurging:
                      enabled: false
                    readonly:
                      enabled: %s
                http:
                  addr: 127.0.0.1:%d
                """.formatted(folder.resolve("data"), readOnly, port));
        if (username != null) {
            Path htpasswd = folder.resolve("htpasswd");
            Files.writeString(htpasswd, username + ":" + new BCryptPasswordEncoder().encode(password) + "\n");
            config.append("""
                    auth:
                      htpasswd:
                        realm: test-registry
                        path: %s
                    """.formatted(htpasswd));
        }
        return config.toString();
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/"))
                    .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 || response.statusCode() == 401;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
