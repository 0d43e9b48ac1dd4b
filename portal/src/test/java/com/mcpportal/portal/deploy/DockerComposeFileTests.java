package com.mcpportal.portal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} as Docker Compose reads it ({@code docker-compose config}, when installed; CI
 * installs it), and the wiring a reader relies on: the portal on the compose database, the MCP server reading
 * the key file the portal writes, health checks everywhere.
 */
class DockerComposeFileTests {

    static final Path ROOT = Path.of("..");
    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    static final Map<String, String> REQUIRED = Map.of("POSTGRES_PASSWORD", "database-secret",
            "PORTAL_ADMIN_PASSWORD", "admin-password-123", "PORTAL_SECRET_KEY", "c2VjcmV0LWtleS1mb3ItdGVzdHM=",
            "ELEVENLABS_API_KEY", "xi-test-key");

    @Test
    void dockerComposeAcceptsTheFileWithAndWithoutTheLocalStackProfile() throws Exception {
        assertThat(compose(REQUIRED, "config", "-q").exitCode()).isZero();
        Result services = compose(REQUIRED, "--profile", "localstack", "config", "--services");
        assertThat(services.exitCode()).isZero();
        assertThat(services.output().lines()).containsExactlyInAnyOrder("db", "portal", "keys-init", "mcp-server",
                "localstack");
    }

    @Test
    void aMissingSecretStopsComposeWithAMessageNamingIt() throws Exception {
        Map<String, String> withoutSecretKey = new HashMap<>(REQUIRED);
        withoutSecretKey.remove("PORTAL_SECRET_KEY");

        Result result = compose(withoutSecretKey, "config", "-q");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("PORTAL_SECRET_KEY", "openssl rand -base64 32");
    }

    @Test
    void thePortalUsesTheComposeDatabaseNotAnEmbeddedOne() throws IOException {
        Map<String, Object> db = service("db");
        Map<String, Object> portal = service("portal");

        assertThat(db.get("image")).isEqualTo("postgres:17");
        assertThat(strings(db.get("volumes"))).anyMatch(v -> v.startsWith("db-data:/var/lib/postgresql/data"));
        assertThat(env(portal)).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/portal")
                .containsKeys("PORTAL_ADMIN_PASSWORD", "PORTAL_SECRET_KEY", "PORTAL_AWS_ENDPOINT_OVERRIDE");
        assertThat(map(map(portal.get("depends_on")).get("db"))).containsEntry("condition", "service_healthy");
        assertThat(map(portal.get("build"))).containsEntry("dockerfile", "deploy/portal.Dockerfile");
        assertThat(ROOT.resolve("deploy/portal.Dockerfile")).isRegularFile();
    }

    @Test
    void theMcpServerReadsTheKeyFileThePortalWritesOnASharedVolume() throws IOException {
        Map<String, Object> portal = service("portal");
        Map<String, Object> server = service("mcp-server");
        String keysDir = env(portal).get("PORTAL_KEYS_SIMULATED_DIR");
        String keysFile = env(server).get("MCP_SERVER_KEYS_FILE");

        assertThat(keysFile).isEqualTo(keysDir + "/" + env(server).get("MCP_SERVER_ENVIRONMENT_ID") + ".json");
        assertThat(strings(portal.get("volumes"))).contains("mcp-keys:" + keysDir);
        assertThat(strings(server.get("volumes"))).contains("mcp-keys:" + keysDir + ":ro");
        assertThat(map(map(server.get("depends_on")).get("keys-init")))
                .containsEntry("condition", "service_completed_successfully");
        assertThat(map(server.get("build"))).containsEntry("dockerfile", "deploy/mcp-server.Dockerfile");
    }

    @Test
    void everyLongRunningServiceHasAHealthCheck() throws IOException {
        for (String name : List.of("db", "portal", "mcp-server", "localstack")) {
            assertThat(map(service(name).get("healthcheck"))).as(name).containsKey("test");
        }
        assertThat(strings(map(service("portal").get("healthcheck")).get("test")))
                .anyMatch(part -> part.contains("/actuator/health/readiness"));
        assertThat(strings(service("localstack").get("profiles"))).containsExactly("localstack");
    }

    // --- reading the file ----------------------------------------------------------------------

    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return map(map(compose.get("services")).get(name));
    }

    private static Map<String, String> env(Map<String, Object> service) {
        Map<String, String> env = new HashMap<>();
        map(service.get("environment")).forEach((key, value) -> env.put(key, String.valueOf(value)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    // --- running docker-compose ----------------------------------------------------------------

    private record Result(int exitCode, String output) {
    }

    private static Result compose(Map<String, String> env, String... args) throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        // An empty env file: a developer's own .env beside the compose file must not change the outcome.
        Path noEnvFile = Files.createTempFile("compose", ".env");
        noEnvFile.toFile().deleteOnExit();
        List<String> command = new ArrayList<>(List.of("docker-compose", "--env-file", noEnvFile.toString(), "-f",
                COMPOSE.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Nor shell variables: only what the test says.
        builder.environment().keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME"));
        builder.environment().putAll(env);
        builder.environment().put("COMPOSE_PROJECT_NAME", "mcp-portal-test");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
