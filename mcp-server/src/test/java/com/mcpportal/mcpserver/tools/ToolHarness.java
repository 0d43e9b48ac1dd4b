package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsClient;
import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings;
import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings.OutputMode;
import com.mcpportal.mcpserver.testsupport.AudioHost;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The toolset wired to a {@link FakeElevenLabs}, a base path in a temporary directory and an
 * {@link AudioHost} reachable as {@code audio.test}; retries are recorded, not slept.
 */
final class ToolHarness {

    static final long MAX_INPUT_BYTES = 256 * 1024;
    /** Generous: the build machine is shared, and no test here waits for a timeout to pass. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonSchemaValidator VALIDATOR = new DefaultJsonSchemaValidator();

    final List<Duration> sleeps = new ArrayList<>();
    final ElevenLabsToolset toolset;
    final Path basePath;

    ToolHarness(FakeElevenLabs fake, Path basePath, OutputMode mode) {
        this.basePath = basePath;
        ElevenLabsSettings settings = new ElevenLabsSettings(FakeElevenLabs.API_KEY, URI.create(fake.baseUrl()), null,
                null, mode, basePath, TIMEOUT, TIMEOUT, 2, Duration.ofSeconds(5),
                MAX_INPUT_BYTES, TIMEOUT);
        SafeDownloader downloader = new SafeDownloader(AddressPolicy.publicOnlyExcept(loopback()),
                ToolHarness::resolve, AudioHost::trustingSocketFactory, false, MAX_INPUT_BYTES, TIMEOUT);
        toolset = new ElevenLabsToolset(settings, new ElevenLabsClient(settings, sleeps::add), downloader);
    }

    /** Test DNS: audio.test is the loopback audio host, private.test a VPC address, anything else unknown. */
    static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case AudioHost.HOST, "localhost" -> new InetAddress[] {loopback()};
            case "private.test" -> new InetAddress[] {InetAddress.getByName("10.0.3.7")};
            case "metadata.test" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
            default -> {
                if (host.matches("[0-9.]+") || host.contains(":")) {
                    yield new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
        };
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    ToolDefinition tool(String name) {
        return toolset.tools().stream().filter(t -> t.tool().name().equals(name)).findFirst().orElseThrow();
    }

    /** Calls a tool; successful structured results are checked against the tool's output schema. */
    McpSchema.CallToolResult call(String name, Map<String, Object> arguments) {
        ToolDefinition tool = tool(name);
        McpSchema.CallToolResult result = tool.handler().call(arguments);
        if (!Boolean.TRUE.equals(result.isError()) && tool.tool().outputSchema() != null) {
            assertThat(result.structuredContent()).as("structured content of " + name).isNotNull();
            JsonSchemaValidator.ValidationResponse validation =
                    VALIDATOR.validate(tool.tool().outputSchema(), result.structuredContent());
            assertThat(validation.valid()).as(validation.errorMessage()).isTrue();
        }
        return result;
    }

    static String text(McpSchema.CallToolResult result) {
        return result.content().stream().filter(c -> c instanceof McpSchema.TextContent)
                .map(c -> ((McpSchema.TextContent) c).text()).collect(Collectors.joining("\n"));
    }

    static List<McpSchema.AudioContent> audio(McpSchema.CallToolResult result) {
        return result.content().stream().filter(c -> c instanceof McpSchema.AudioContent)
                .map(c -> (McpSchema.AudioContent) c).toList();
    }

    static byte[] decode(McpSchema.AudioContent audio) {
        return Base64.getDecoder().decode(audio.data());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(McpSchema.CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }
}
