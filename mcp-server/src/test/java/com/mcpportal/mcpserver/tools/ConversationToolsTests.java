package com.mcpportal.mcpserver.tools;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mcpportal.mcpserver.elevenlabs.Json;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static com.mcpportal.mcpserver.tools.ToolHarness.structured;
import static com.mcpportal.mcpserver.tools.ToolHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

class ConversationToolsTests extends ToolTestSupport {

    @Test
    void getConversationShowsTranscriptMetadataAndAnalysis() {
        McpSchema.CallToolResult result = call("get_conversation", Map.of("conversation_id", FakeElevenLabs.CONVERSATION_ID));

        assertThat(text(result)).startsWith("Conversation Details:\nID: " + FakeElevenLabs.CONVERSATION_ID)
                .contains("Status: done").contains("Message Count: 4")
                .contains("agent: Hi, how can I help you today?\nuser: I forgot my password.")
                .contains("Duration: 95 seconds").contains("The user asked how to reset a password and got a reset link.");
        assertThat(structured(result).get("transcript")).asList().hasSize(4);
        assertThat(structured(result)).containsEntry("call_duration_secs", 95L);
    }

    @Test
    void getConversationOfAnUnknownIdIsNotFound() {
        McpSchema.CallToolResult result = call("get_conversation", Map.of("conversation_id", "conv_missing"));

        assertThat(text(result)).contains("HTTP 404 conversation_not_found");
    }

    @Test
    void listConversationsPassesFiltersAndShowsThePaginationCursor() {
        McpSchema.CallToolResult result = call("list_conversations", Map.of("agent_id", FakeElevenLabs.AGENT_ID,
                "cursor", "c1", "call_start_after_unix", 1700000000, "call_start_before_unix", 1800000000, "page_size", 2));

        LoggedRequest request = fake.requests("GET", "/v1/convai/conversations").get(0);
        assertThat(request.queryParameter("agent_id").firstValue()).isEqualTo(FakeElevenLabs.AGENT_ID);
        assertThat(request.queryParameter("cursor").firstValue()).isEqualTo("c1");
        assertThat(request.queryParameter("call_start_after_unix").firstValue()).isEqualTo("1700000000");
        assertThat(request.queryParameter("call_start_before_unix").firstValue()).isEqualTo("1800000000");
        assertThat(request.queryParameter("page_size").firstValue()).isEqualTo("2");
        assertThat(text(result)).startsWith("Showing 2 conversations (more available, next cursor: cursor_page_2)")
                .contains("Agent: Support agent (ID: " + FakeElevenLabs.AGENT_ID + ")").contains("Agent: N/A")
                .contains("Started: 2025-02-19 21:20:00 UTC").contains("Call Successful: failure");
        assertThat(structured(result)).containsEntry("next_cursor", "cursor_page_2").containsEntry("has_more", true);
    }

    @Test
    void listConversationsCutsLongTextAtMaxLength() {
        McpSchema.CallToolResult result = call("list_conversations", Map.of("max_length", 150));

        assertThat(text(result)).hasSizeLessThan(300).contains("cut at max_length=150");
        assertThat(fake.requests().get(0).queryParameter("page_size").firstValue()).isEqualTo("30");
    }

    @Test
    void listConversationsRefusesPageSizesAboveOneHundred() {
        assertThat(call("list_conversations", Map.of("page_size", 500)).isError()).isTrue();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void simulateConversationSendsTheSimulatedUserAndCriteria() {
        McpSchema.CallToolResult result = call("simulate_conversation", Map.of("agent_id", FakeElevenLabs.AGENT_ID,
                "simulated_user_prompt", "You are a frustrated customer.", "first_message", "Where is cancel?",
                "max_turns", 4, "extra_evaluation_criteria", List.of(Map.of("id", "issue_resolved",
                        "name", "Issue Resolved", "conversation_goal_prompt", "The agent resolved the issue."))));

        JsonNode body = Json.parse(fake.requests("POST", "/v1/convai/agents/.*/simulate-conversation").get(0).getBody());
        JsonNode user = body.path("simulation_specification").path("simulated_user_config");
        assertThat(user.path("prompt").path("prompt").asString()).isEqualTo("You are a frustrated customer.");
        assertThat(user.path("first_message").asString()).isEqualTo("Where is cancel?");
        assertThat(body.path("new_turns_limit").asInt()).isEqualTo(4);
        JsonNode criterion = body.path("extra_evaluation_criteria").get(0);
        assertThat(criterion.path("id").asString()).isEqualTo("issue_resolved");
        assertThat(criterion.path("use_knowledge_base").asBoolean()).isFalse();
        assertThat(text(result)).startsWith("## Simulated Conversation")
                .contains("**User:** I cannot find the cancel button!").contains("_(tool: search_docs)_")
                .contains("**Summary:** A frustrated user was told where the cancel button is.")
                .contains("**issue_resolved**: success — The agent told the user where to cancel.");
    }

    @Test
    void simulateConversationDefaultsToTenTurnsWithoutCriteria() {
        call("simulate_conversation", Map.of("agent_id", FakeElevenLabs.AGENT_ID, "simulated_user_prompt", "Be nice."));

        JsonNode body = Json.parse(fake.requests("POST", "/v1/convai/agents/.*/simulate-conversation").get(0).getBody());
        assertThat(body.path("new_turns_limit").asInt()).isEqualTo(10);
        assertThat(body.has("extra_evaluation_criteria")).isFalse();
        assertThat(body.path("simulation_specification").path("simulated_user_config").has("first_message")).isFalse();
    }

    @Test
    void simulateConversationRefusesIncompleteCriteria() {
        McpSchema.CallToolResult result = call("simulate_conversation", Map.of("agent_id", FakeElevenLabs.AGENT_ID,
                "simulated_user_prompt", "Be nice.", "extra_evaluation_criteria", List.of(Map.of("id", "x"))));

        assertThat(text(result)).startsWith("Evaluation criterion missing fields [name, conversation_goal_prompt]");
        assertThat(fake.requests()).isEmpty();
    }
}
