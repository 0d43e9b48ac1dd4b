package com.mcpportal.portal.environment;

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

/** The mcp.json snippet and the console links, as a user pastes and follows them. */
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
        String snippet = McpClientSnippet.cursor("Voice Bots", "https://api0.execute-api.us-west-2.amazonaws.com/mcp");

        var server = JsonMapper.builder().build().readTree(snippet).path("mcpServers").path("elevenlabs-voice-bots");
        assertThat(server.path("url").asString()).isEqualTo("https://api0.execute-api.us-west-2.amazonaws.com/mcp");
        assertThat(server.path("headers").path("Authorization").asString()).isEqualTo("Bearer <your key>");
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
