package com.mcpportal.portal.cloud.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.ServerImage;

/**
 * The MCP server this build carries: there as resources (the mcp-server module's server-image folder), unpacked and
 * checked before Jib sees it, and never as classes on the portal's own classpath.
 */
class CarriedServerTests {

    @TempDir
    Path cache;

    @Test
    void thePortalsClasspathHoldsTheServerAsFilesButNoneOfItsClasses() {
        ClassLoader portal = getClass().getClassLoader();

        assertThat(portal.getResource(CarriedServer.DESCRIPTOR)).as("the carried server").isNotNull();
        assertThat(portal.getResource(CarriedServer.RESOURCES + CarriedServer.APPLICATION_JAR)).isNotNull();
        assertThatThrownBy(() -> Class.forName("com.mcpportal.mcpserver.McpServerMain", false, portal))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(portal.getResource("com/mcpportal/mcpserver/McpServerMain.class")).isNull();
        assertThat(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)))
                .as("class path entries").noneMatch(entry -> entry.replace('\\', '/').contains("mcp-server/target")
                        || entry.matches(".*mcp-server-[^/]*\\.jar"));
    }

    @Test
    void theCarriedServerUnpacksWithTheLibrariesItsJarNamesAndIsCheckedAgainstItsDescriptor() throws Exception {
        CarriedServer carried = new CarriedServer(getClass().getClassLoader());
        CarriedServer.Descriptor descriptor = carried.descriptor().orElseThrow();

        CarriedServer.Unpacked files = carried.unpack(descriptor, cache);

        assertThat(descriptor.version()).isNotBlank();
        assertThat(descriptor.commit()).matches("[0-9a-f]{40}|unknown");
        assertThat(HexFormat.of().formatHex(CarriedServer.sha256().digest(Files.readAllBytes(files.applicationJar()))))
                .isEqualTo(descriptor.sha256());
        assertThat(files.libraries()).hasSizeGreaterThan(20).allMatch(Files::isRegularFile)
                .anyMatch(library -> library.getFileName().toString().startsWith("tomcat-embed-core-"));
        assertThat(carried.unpack(descriptor, cache)).as("unpacked once, then reused").isEqualTo(files);
    }

    @Test
    void aJarThatIsNotTheOneTheDescriptorNamesIsRefused(@TempDir Path resources) throws Exception {
        Path server = Files.createDirectories(resources.resolve("mcp-server"));
        Files.writeString(server.resolve("server-image.properties"), "version=9.9.9\ncommit=unknown\nsha256="
                + "a".repeat(64) + "\n");
        Files.write(server.resolve("mcp-server.jar"), new byte[] {1, 2, 3});
        try (URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
            CarriedServer carried = new CarriedServer(loader);

            assertThatThrownBy(() -> carried.unpack(carried.descriptor().orElseThrow(), cache))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
        }
    }

    @Test
    void aBuildWithoutTheServerSaysSoWhenAskedToPublishIt(@TempDir Path resources) throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
            ServerImages images = new ServerImages(new CarriedServer(empty), ImageSettings.defaults());

            assertThat(images.carriedVersion()).isEmpty();
            assertThatThrownBy(() -> images.forArchitecture(Architecture.ARM64))
                    .isInstanceOfSatisfying(CloudException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("NoServerCarried");
                        assertThat(e.retryable()).isFalse();
                    });
        }
    }

    @Test
    void eachArchitectureGetsATagOfItsOwnNamingVersionCommitAndFingerprint() {
        ServerImages images = new ServerImages(new ImageSettings(null, null, null, null, cache));

        ServerImage arm = images.forArchitecture(Architecture.ARM64);
        ServerImage x86 = images.forArchitecture(Architecture.X86_64);

        for (ServerImage image : List.of(arm, x86)) {
            assertThat(image.tag()).matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")
                    .startsWith(image.version() + "-")
                    .contains("-" + image.architecture().ociName() + "-")
                    .endsWith(image.fingerprint().substring(0, 12));
            assertThat(image.baseImage()).isEqualTo(ImageSettings.DEFAULT_BASE_IMAGE);
            assertThat(image.labels()).containsEntry("org.opencontainers.image.version", image.version())
                    .containsEntry("org.opencontainers.image.revision", image.commit())
                    .containsEntry("org.opencontainers.image.base.digest",
                            "sha256:d9a39a23634650173f1e2bbc176227af9728587ecf0f4b62d53e9355cd7a19ab");
        }
        assertThat(arm.fingerprint()).isNotEqualTo(x86.fingerprint());
        assertThat(new ServerImages(new ImageSettings(null, null, null, null, cache)).forArchitecture(
                Architecture.ARM64)).as("the same inputs, the same image").isEqualTo(arm);
        String otherBase = "registry.example.com/jre:25@sha256:" + "1".repeat(64);
        assertThat(new ServerImages(new ImageSettings(otherBase, null, null, null, cache))
                .forArchitecture(Architecture.ARM64).tag()).as("another base, another tag").isNotEqualTo(arm.tag());
    }

    @Test
    void theSameJarsFromAnotherCommitAreTheSameBuildInAnotherImage(@TempDir Path resources) throws Exception {
        ServerImage carried = new ServerImages(new ImageSettings(null, null, null, null, cache))
                .forArchitecture(Architecture.ARM64);
        Path copy = resources.resolve("mcp-server");
        Path original = Path.of(getClass().getClassLoader().getResource(CarriedServer.DESCRIPTOR).toURI()).getParent();
        try (var files = Files.walk(original)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.createDirectories(copy.resolve(original.relativize(file)).getParent());
                Files.copy(file, copy.resolve(original.relativize(file)));
            }
        }
        Path descriptor = copy.resolve("server-image.properties");
        Files.writeString(descriptor, Files.readString(descriptor).replaceAll("commit=.*", "commit=" + "e".repeat(40)));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
            ServerImage rebuilt = new ServerImages(new CarriedServer(loader), new ImageSettings(null, null, null, null,
                    resources.resolve("cache"))).forArchitecture(Architecture.ARM64);

            assertThat(rebuilt.commit()).isNotEqualTo(carried.commit());
            assertThat(rebuilt.fingerprint()).as("its labels name another commit").isNotEqualTo(carried.fingerprint());
            assertThat(rebuilt.tag()).isNotEqualTo(carried.tag());
            assertThat(rebuilt.build()).as("but it is the same server").isEqualTo(carried.build());
        }
        String otherBase = "registry.example.com/jre:25@sha256:" + "1".repeat(64);
        assertThat(new ServerImages(new ImageSettings(otherBase, null, null, null, cache))
                .forArchitecture(Architecture.ARM64).build()).as("on another base").isNotEqualTo(carried.build());
    }
}
