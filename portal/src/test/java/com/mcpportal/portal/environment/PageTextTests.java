package com.mcpportal.portal.environment;

import java.util.ArrayList;
import java.util.List;

import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.LogGroup;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The MCP client snippets and the console links, as a user pastes and follows them. */
class PageTextTests {

    private static final CloudResources RESOURCES = CloudResources.NONE
            .withNetwork(new Network("vpc-0abc", "10.0.0.0/16", "us-west-2a", "subnet-0pub", "subnet-0priv", "igw-0",
                    "rtb-0a", "rtb-0b", "sg-0", 8080))
            .withNat(new NatInstance("i-0nat", "eni-0", "sg-0nat", "ami-0", "t4g.nano", NatState.RUNNING, "3.3.3.3"))
            .withRepository(new ImageRepository("mcp-abc", "123456789012.dkr.ecr.us-west-2.amazonaws.com/mcp-abc",
                    "arn:aws:ecr:us-west-2:123456789012:repository/mcp-abc"))
            .withLogGroup(new LogGroup("/mcp-portal/mcp-abc", 7))
            .withIngress(new Ingress("api0", "vl0", "int0", "https://api0.execute-api.us-west-2.amazonaws.com"));

    @Test
    void theCursorSnippetIsValidJsonWithTheUrlAndAKeyPlaceholder() {
        String snippet = McpClientSnippet.cursor("Voice Bots", "https://api0.execute-api.us-west-2.amazonaws.com/mcp",
                McpClientSnippet.KEY_PLACEHOLDER);

        var server = JsonMapper.builder().build().readTree(snippet).path("mcpServers").path("elevenlabs-voice-bots");
        assertThat(server.path("url").asString()).isEqualTo("https://api0.execute-api.us-west-2.amazonaws.com/mcp");
        assertThat(server.path("headers").path("Authorization").asString()).isEqualTo("Bearer <your key>");
    }

    @Test
    void eachClientGetsItsOwnFormatWithTheUrlAndTheKeyInItsHeaderSyntax() {
        String url = "https://api0.execute-api.us-west-2.amazonaws.com/mcp";
        List<McpClientSnippet.Client> clients = McpClientSnippet.all("Voice Bots", url, "mcp_key");
        assertThat(clients).extracting(McpClientSnippet.Client::label)
                .containsExactly("Cursor", "Claude Desktop", "Claude Code", "VS Code", "Windsurf");
        JsonMapper json = JsonMapper.builder().build();

        var desktop = json.readTree(text(clients, "claude-desktop")).path("mcpServers").path("elevenlabs-voice-bots");
        assertThat(desktop.path("command").asString()).isEqualTo("npx");
        List<String> args = new ArrayList<>();
        desktop.path("args").forEach(arg -> args.add(arg.asString()));
        assertThat(args).containsExactly("-y", "mcp-remote", url, "--header", "Authorization:${AUTH_HEADER}");
        assertThat(desktop.path("env").path("AUTH_HEADER").asString()).isEqualTo("Bearer mcp_key");

        assertThat(text(clients, "claude-code")).isEqualTo("claude mcp add --transport http elevenlabs-voice-bots "
                + url + " --header \"Authorization: Bearer mcp_key\"");

        var vsCode = json.readTree(text(clients, "vscode")).path("servers").path("elevenlabs-voice-bots");
        assertThat(vsCode.path("type").asString()).isEqualTo("http");
        assertThat(vsCode.path("url").asString()).isEqualTo(url);
        assertThat(vsCode.path("headers").path("Authorization").asString()).isEqualTo("Bearer mcp_key");

        var windsurf = json.readTree(text(clients, "windsurf")).path("mcpServers").path("elevenlabs-voice-bots");
        assertThat(windsurf.path("serverUrl").asString()).isEqualTo(url);
        assertThat(windsurf.has("url")).isFalse();
        assertThat(windsurf.path("headers").path("Authorization").asString()).isEqualTo("Bearer mcp_key");

        assertThat(text(clients, "cursor")).isEqualTo(McpClientSnippet.cursor("Voice Bots", url, "mcp_key"));
    }

    private static String text(List<McpClientSnippet.Client> clients, String id) {
        return clients.stream().filter(client -> client.id().equals(id)).findFirst().orElseThrow().text();
    }

    @Test
    void consoleLinksOpenTheResourceInItsRegion() {
        List<ConsoleLinks.ResourceLink> links = ConsoleLinks.of("us-west-2", RESOURCES, false);

        assertThat(links).extracting(ConsoleLinks.ResourceLink::label).contains("VPC", "NAT instance",
                "ECR repository", "Log group", "HTTP API");
        assertThat(links).allSatisfy(link -> assertThat(link.url()).startsWith("https://us-west-2.console.aws.amazon.com/")
                .contains("region=us-west-2"));
        assertThat(link(links, "NAT instance")).endsWith("#InstanceDetails:instanceId=i-0nat");
        assertThat(link(links, "ECR repository")).contains("/ecr/repositories/private/123456789012/mcp-abc");
        assertThat(link(links, "Log group")).contains("log-group/%252Fmcp-portal%252Fmcp-abc");
    }

    @Test
    void simulatedResourcesAreListedWithoutLinks() {
        assertThat(ConsoleLinks.of("us-west-2", RESOURCES, true)).isNotEmpty()
                .allSatisfy(link -> assertThat(link.url()).isNull());
    }

    @Test
    void resourcesSurviveTheirJsonRoundTrip() {
        assertThat(CloudResources.fromJson(RESOURCES.toJson())).isEqualTo(RESOURCES);
        assertThat(CloudResources.fromJson("{}")).isEqualTo(CloudResources.NONE);
        assertThat(RESOURCES.mcpUrl()).isEqualTo("https://api0.execute-api.us-west-2.amazonaws.com/mcp");
    }

    private static String link(List<ConsoleLinks.ResourceLink> links, String label) {
        return links.stream().filter(link -> link.label().equals(label)).findFirst().orElseThrow().url();
    }
}
