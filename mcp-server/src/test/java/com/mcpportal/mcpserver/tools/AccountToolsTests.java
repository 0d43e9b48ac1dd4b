package com.mcpportal.mcpserver.tools;

import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.mcpportal.mcpserver.tools.ToolHarness.structured;
import static com.mcpportal.mcpserver.tools.ToolHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

class AccountToolsTests extends ToolTestSupport {

    @Test
    void listModelsReturnsModelsWithTheirLanguages() {
        McpSchema.CallToolResult result = call("list_models", Map.of());

        assertThat(structured(result).get("models")).asList().first().isEqualTo(Map.of(
                "id", "eleven_multilingual_v2", "name", "Eleven Multilingual v2", "languages", List.of(
                        Map.of("language_id", "en", "name", "English"), Map.of("language_id", "de", "name", "German"),
                        Map.of("language_id", "fr", "name", "French"))));
        assertThat(text(result)).contains("eleven_flash_v2_5: Eleven Flash v2.5 (2 languages: en, hu)");
        assertThat(fake.requests("GET", "/v1/models")).hasSize(1);
    }

    @Test
    void listModelsTakesNoArguments() {
        McpSchema.CallToolResult result = call("list_models", Map.of("verbose", true));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("Unknown argument 'verbose'. This tool takes no arguments.");
    }

    @Test
    void checkSubscriptionReturnsTheSubscriptionAsJsonAndStructuredData() {
        McpSchema.CallToolResult result = call("check_subscription", Map.of());

        assertThat(text(result)).contains("\"tier\" : \"creator\"").contains("\"character_count\" : 17231");
        assertThat(structured(result)).containsEntry("tier", "creator").containsEntry("character_limit", 100000L)
                .containsEntry("status", "active");
    }

    @Test
    void aRejectedApiKeyIsReportedWithoutTheKey() {
        fake.failWith("GET", "/v1/user/subscription", 401, "invalid_api_key", "Invalid API key");

        McpSchema.CallToolResult result = call("check_subscription", Map.of());

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("ElevenLabs API error (HTTP 401 invalid_api_key): Invalid API key");
    }

    @Test
    void rateLimitsAreRetriedAfterTheAnnouncedDelay() {
        fake.rateLimitOnce("GET", "/v1/user/subscription", 2);

        McpSchema.CallToolResult result = call("check_subscription", Map.of());

        assertThat(result.isError()).isFalse();
        assertThat(harness.sleeps).containsExactly(java.time.Duration.ofSeconds(2));
        assertThat(fake.requests("GET", "/v1/user/subscription")).hasSize(2);
    }
}
