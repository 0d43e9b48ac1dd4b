package com.mcpportal.portal.cloud.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.ImagePublication;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.ServerImage;

import tools.jackson.databind.JsonNode;

/**
 * The real publishing code against a real registry (Debian's docker-registry on loopback, through the registry
 * override): a small multi-architecture base is pushed first, then the MCP server this build carries is published
 * for each architecture and read back over the Registry HTTP API, as ECS would pull it.
 */
class RegistryPublishingIntegrationTests {

    @RegisterExtension
    static final DockerRegistry registry = DockerRegistry.plain();

    @RegisterExtension
    static final DockerRegistry readOnly = DockerRegistry.readOnly();

    @TempDir
    static Path work;

    static String base;

    /** The ECR repository the environment has; the override sends the image to the test registry instead. */
    static final ImageRepository REPOSITORY = new ImageRepository("mcp-env1",
            "123456789012.dkr.ecr.eu-central-1.amazonaws.com/mcp-env1",
            "arn:aws:ecr:eu-central-1:123456789012:repository/mcp-env1");

    @BeforeAll
    static void pushABaseImage() throws Exception {
        base = TestImages.pushBase(registry, "base/jre", "25-test", work, null, null);
    }

    @Test
    void theServerIsPublishedForArm64AndAmd64AsTheDockerfileBuildsIt() {
        ServerImages images = images(registry);

        for (Architecture architecture : Architecture.values()) {
            ServerImage image = images.forArchitecture(architecture);
            ImagePublication publication = publisher(registry).publish(image, repository("mcp-arch"), null);

            DockerRegistry.Manifest manifest = registry.manifest("mcp-arch", image.tag());
            assertThat(publication.pushed()).isTrue();
            assertThat(publication.image().digest()).as("the digest is the manifest's").isEqualTo(manifest.digest());
            assertThat(publication.image().reference())
                    .isEqualTo(registry.host() + "/mcp-arch@" + manifest.digest());
            assertThat(image.tag()).startsWith(image.version() + "-")
                    .contains("-" + architecture.ociName() + "-");

            JsonNode config = registry.json("mcp-arch", manifest.json().at("/config/digest").asString());
            assertThat(config.path("architecture").asString()).isEqualTo(architecture.ociName());
            assertThat(config.path("os").asString()).isEqualTo("linux");
            JsonNode container = config.path("config");
            assertThat(container.path("User").asString()).isEqualTo("10001:10001");
            assertThat(container.path("WorkingDir").asString()).isEqualTo("/app");
            assertThat(strings(container.path("Entrypoint"))).containsExactly("bash", "-c",
                    "exec java $JVM_FLAGS -jar /app/mcp-server.jar \"$@\"", "mcp-server");
            assertThat(container.path("Cmd").isMissingNode() || container.path("Cmd").isNull()).isTrue();
            assertThat(strings(container.path("Env"))).contains("JAVA_HOME=/opt/java/openjdk", "PORT=8080",
                    "HOME=/app", "JVM_FLAGS=-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:MinHeapFreeRatio=10"
                            + " -XX:MaxHeapFreeRatio=30 -Xmn24m -XX:SurvivorRatio=2 -XX:TieredStopAtLevel=1 -Xss512k"
                            + " -XX:-UsePerfData -XX:SweeperThreshold=50 -XX:+ExitOnOutOfMemoryError");
            assertThat(container.path("ExposedPorts").has("8080/tcp")).isTrue();
            JsonNode labels = container.path("Labels");
            assertThat(labels.path("org.opencontainers.image.version").asString()).isEqualTo(image.version());
            assertThat(labels.path("org.opencontainers.image.revision").asString()).isEqualTo(image.commit());
            assertThat(labels.path("org.opencontainers.image.base.name").asString())
                    .isEqualTo(registry.host() + "/base/jre:25-test");
            assertThat(labels.path("org.opencontainers.image.base.digest").asString())
                    .isEqualTo(base.substring(base.indexOf('@') + 1));

            // The base's one layer, then the server's two: dependencies (big, stable) and the application jar.
            JsonNode layers = manifest.json().path("layers");
            assertThat(layers).hasSize(3);
            long dependencies = layers.get(1).path("size").asLong();
            long application = layers.get(2).path("size").asLong();
            assertThat(dependencies).as("dependency layer").isGreaterThan(10_000_000);
            assertThat(application).as("application layer").isBetween(100_000L, 1_000_000L);
            assertThat(strings(config.path("history"), "comment")).endsWith("dependencies", "application");
        }
        assertThat(registry.manifest("mcp-arch", images.forArchitecture(Architecture.ARM64).tag()).digest())
                .isNotEqualTo(registry.manifest("mcp-arch", images.forArchitecture(Architecture.X86_64).tag())
                        .digest());
    }

    @Test
    void aSecondPublishOfTheSameBuildPushesNothingAndGivesTheSameDigest() {
        ServerImage image = images(registry).forArchitecture(Architecture.ARM64);
        ImagePublication first = publisher(registry).publish(image, REPOSITORY, null);
        int before = registry.requests().size();

        ImagePublication second = publisher(registry).publish(image, REPOSITORY, null);

        assertThat(second.pushed()).isFalse();
        assertThat(second.image()).isEqualTo(first.image());
        List<DockerRegistry.Request> calls = registry.requests().subList(before, registry.requests().size());
        assertThat(calls).as("one manifest read, nothing written")
                .containsExactly(new DockerRegistry.Request("GET", "/v2/mcp-env1/manifests/" + image.tag(), 200));
    }

    @Test
    void anApplicationOnlyReleaseUploadsTheApplicationLayerAndTheConfigurationOnly() throws Exception {
        ServerImage image = images(registry).forArchitecture(Architecture.ARM64);
        publisher(registry).publish(image, REPOSITORY, null);
        ServerImage release = TestImages.withChangedApplication(image, work, "appchange");
        int before = registry.requests().size();

        ImagePublication published = publisher(registry).publish(release, REPOSITORY, null);

        JsonNode previous = registry.manifest("mcp-env1", image.tag()).json();
        JsonNode manifest = registry.manifest("mcp-env1", release.tag()).json();
        List<String> uploaded = registry.requests().subList(before, registry.requests().size()).stream()
                .map(DockerRegistry.Request::uploadedDigest).filter(digest -> digest != null).toList();
        assertThat(published.pushed()).isTrue();
        assertThat(uploaded).as("blobs uploaded: the new application layer and the new configuration")
                .containsExactlyInAnyOrder(manifest.at("/layers/2/digest").asString(),
                        manifest.at("/config/digest").asString());
        assertThat(manifest.at("/layers/1/digest").asString()).as("dependency layer unchanged")
                .isEqualTo(previous.at("/layers/1/digest").asString());
        assertThat(manifest.at("/layers/2/digest").asString()).isNotEqualTo(previous.at("/layers/2/digest")
                .asString());
    }

    @Test
    void theRegistryCallsOfAPublishAreTheOnesTheIamPolicyAllows() {
        int before = registry.requests().size();
        ServerImage image = TestImages.rename(images(registry).forArchitecture(Architecture.X86_64), "calls");

        publisher(registry).publish(image, new ImageRepository("mcp-calls", "registry/mcp-calls", "arn"), null);

        Set<String> actions = new TreeSet<>();
        registry.requests().subList(before, registry.requests().size()).stream()
                .filter(r -> r.path().equals("/v2/") || r.path().startsWith("/v2/mcp-calls/"))
                .forEach(r -> actions.add(RegistryApiCalls.ecrAction(r.method(), r.path())));
        Set<String> allowed = new TreeSet<>(RegistryApiCalls.PUBLISH);
        allowed.add("ecr:GetAuthorizationToken");
        assertThat(actions).as("ECR actions of the calls on the target repository").isSubsetOf(allowed)
                .contains("ecr:BatchGetImage", "ecr:InitiateLayerUpload", "ecr:CompleteLayerUpload", "ecr:PutImage");
    }

    @Test
    void aBaseImageThatIsNotThereFailsWithTheRegistrysWords() {
        String missing = registry.host() + "/base/jre:25-test@sha256:" + "0".repeat(64);
        ServerImages images = new ServerImages(new ImageSettings(missing, null, null, registry.url(),
                work.resolve("cache-missing")));

        assertThatThrownBy(() -> publisher(registry).publish(images.forArchitecture(Architecture.ARM64), REPOSITORY,
                null)).isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudErrorKind.INVALID_REQUEST);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.providerMessage()).startsWith("The base image " + missing + " cannot be pulled:")
                            .contains("manifest unknown");
                });
    }

    @Test
    void aPushTheRegistryRefusesFailsWithItsMessage() {
        ServerImage image = images(readOnly).forArchitecture(Architecture.ARM64);

        assertThatThrownBy(() -> publisher(readOnly).publish(image, REPOSITORY, null))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.service()).isEqualTo("registry");
                    assertThat(e.errorCode()).isEqualTo("HTTP 405");
                    assertThat(e.providerMessage()).isEqualTo("Publishing " + readOnly.host() + "/mcp-env1:"
                            + image.tag() + " failed: Method not allowed");
                });
    }

    @Test
    void aPushTheIamPolicyDoesNotAllowFailsWithEcrsMessage() {
        try (EcrShapedRegistry ecr = EcrShapedRegistry.refusingUploads()) {
            ServerImage image = new ServerImages(ecrSettings(ecr)).forArchitecture(Architecture.ARM64);

            assertThatThrownBy(() -> new JibImagePublisher(ecrSettings(ecr)).publish(image, REPOSITORY,
                    new RegistryLogin("AWS", "ecr-token"))).isInstanceOfSatisfying(CloudException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CloudErrorKind.ACCESS_DENIED);
                        assertThat(e.errorCode()).isEqualTo("HTTP 403");
                        assertThat(e.providerMessage()).isEqualTo("The registry refused " + ecr.host() + "/mcp-env1:"
                                + image.tag() + ": DENIED: " + EcrShapedRegistry.IAM_REFUSAL);
                    });
        }
    }

    @Test
    void aRepositoryAtItsImageQuotaFailsWithEcrsMessage() {
        try (EcrShapedRegistry ecr = EcrShapedRegistry.atItsImageQuota()) {
            ServerImage image = new ServerImages(ecrSettings(ecr)).forArchitecture(Architecture.X86_64);

            assertThatThrownBy(() -> new JibImagePublisher(ecrSettings(ecr)).publish(image, REPOSITORY,
                    new RegistryLogin("AWS", "ecr-token"))).isInstanceOfSatisfying(CloudException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.providerMessage()).endsWith(": DENIED: " + EcrShapedRegistry.QUOTA_REFUSAL);
                    });
        }
    }

    private static ImageSettings ecrSettings(EcrShapedRegistry ecr) {
        return new ImageSettings(base, null, null, ecr.url(), work.resolve("cache-ecr"));
    }

    private static ImageRepository repository(String name) {
        return new ImageRepository(name, "123456789012.dkr.ecr.eu-central-1.amazonaws.com/" + name,
                "arn:aws:ecr:eu-central-1:123456789012:repository/" + name);
    }

    private ServerImages images(DockerRegistry target) {
        return new ServerImages(settings(target));
    }

    private JibImagePublisher publisher(DockerRegistry target) {
        return new JibImagePublisher(settings(target));
    }

    private static ImageSettings settings(DockerRegistry target) {
        return new ImageSettings(base, null, null, target.url(), work.resolve("cache"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.path(field).asString()));
        return values;
    }
}
