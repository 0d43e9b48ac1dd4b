package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ApiRequest;
import com.mcpportal.mcpserver.elevenlabs.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.mcpportal.mcpserver.tools.OutputSchemas.anyObject;
import static com.mcpportal.mcpserver.tools.OutputSchemas.arrayOf;
import static com.mcpportal.mcpserver.tools.OutputSchemas.object;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalBoolean;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalInteger;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalString;
import static com.mcpportal.mcpserver.tools.ToolContext.COST_WARNING;

/** Agent conversations: get_conversation, list_conversations and simulate_conversation. */
final class ConversationTools {

    /** Transcripts beyond this would flood the model's context; the official server spills them to a file. */
    private static final int MAX_TRANSCRIPT = 50_000;

    private final ToolContext ctx;

    ConversationTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolDefinition> tools() {
        return List.of(getConversation(), listConversations(), simulateConversation());
    }

    private ToolDefinition getConversation() {
        Map<String, Object> schema = object(1, "conversation_id", optionalString(), "status", optionalString(),
                "agent_id", optionalString(), "transcript", arrayOf(anyObject()),
                "call_duration_secs", optionalInteger(), "start_time_unix_secs", optionalInteger(),
                "analysis_summary", optionalString());
        return Tools.define("get_conversation", "Get conversation",
                "Gets a conversation with its transcript. Returns: conversation details and full transcript. "
                        + "Use when: analyzing completed agent conversations. Free.",
                new Params().requiredString("conversation_id", "The unique identifier of the conversation to "
                        + "retrieve; get ids from the list_conversations tool."),
                Tools.Effect.READS, schema, this::getConversation);
    }

    private McpSchema.CallToolResult getConversation(Arguments args) {
        JsonNode conversation = ctx.api().json(ApiRequest.get("/v1/convai/conversations/{}",
                args.require("conversation_id")));
        List<Object> turns = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (JsonNode turn : conversation.path("transcript").values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("role", Json.text(turn, "role"));
            entry.put("message", Json.text(turn, "message"));
            entry.put("time_in_call_secs", turn.path("time_in_call_secs").isNumber()
                    ? turn.path("time_in_call_secs").asLong() : null);
            turns.add(entry);
            lines.add(entry.get("role") + ": " + (entry.get("message") == null ? "" : entry.get("message")));
        }
        String transcript = lines.isEmpty() ? "No transcript available" : String.join("\n", lines);
        if (transcript.length() > MAX_TRANSCRIPT) {
            transcript = transcript.substring(0, MAX_TRANSCRIPT) + "\n... (transcript truncated; the structured "
                    + "result has every turn)";
        }
        JsonNode metadata = conversation.path("metadata");
        String summary = Json.text(conversation.path("analysis"), "transcript_summary");
        StringBuilder text = new StringBuilder("Conversation Details:\nID: ")
                .append(Json.text(conversation, "conversation_id"))
                .append("\nStatus: ").append(Json.text(conversation, "status"))
                .append("\nAgent ID: ").append(Json.text(conversation, "agent_id"))
                .append("\nMessage Count: ").append(turns.size())
                .append("\n\nTranscript:\n").append(transcript);
        if (metadata.isObject()) {
            text.append("\n\nMetadata:\nDuration: ").append(Json.text(metadata, "call_duration_secs"))
                    .append(" seconds\nStarted: ").append(Json.text(metadata, "start_time_unix_secs"));
        }
        if (conversation.path("analysis").isObject()) {
            text.append("\n\nAnalysis:\n").append(summary == null ? "Analysis available but no summary" : summary);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation_id", Json.text(conversation, "conversation_id"));
        data.put("status", Json.text(conversation, "status"));
        data.put("agent_id", Json.text(conversation, "agent_id"));
        data.put("transcript", turns);
        data.put("call_duration_secs", number(metadata, "call_duration_secs"));
        data.put("start_time_unix_secs", number(metadata, "start_time_unix_secs"));
        data.put("analysis_summary", summary);
        return Results.structured(text.toString(), data);
    }

    private ToolDefinition listConversations() {
        Params params = new Params()
                .string("agent_id", "Only conversations of this agent.")
                .string("cursor", "Pagination cursor from a previous call's next_cursor.")
                .integer("call_start_before_unix", "Only conversations that started before this Unix time.",
                        null, 0, 4_102_444_800L)
                .integer("call_start_after_unix", "Only conversations that started after this Unix time.",
                        null, 0, 4_102_444_800L)
                .integer("page_size", "Number of conversations per page (1-100).", 30L, 1, 100)
                .integer("max_length", "Maximum length of the text answer in characters; longer text is cut.",
                        10_000L, 100, 1_000_000);
        return Tools.define("list_conversations", "List conversations",
                "Lists agent conversations. Returns: conversation list with metadata. Use when: asked about "
                        + "conversation history. Free.",
                params, Tools.Effect.READS, object(1, "conversations", arrayOf(anyObject()),
                        "has_more", optionalBoolean(), "next_cursor", optionalString()), this::listConversations);
    }

    private McpSchema.CallToolResult listConversations(Arguments args) {
        JsonNode page = ctx.api().json(ApiRequest.get("/v1/convai/conversations")
                .query("cursor", args.string("cursor"))
                .query("agent_id", args.string("agent_id"))
                .query("call_start_before_unix", args.integer("call_start_before_unix"))
                .query("call_start_after_unix", args.integer("call_start_after_unix"))
                .query("page_size", args.integer("page_size")));
        List<Object> conversations = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        for (JsonNode c : page.path("conversations").values()) {
            conversations.add(Json.plain(c));
            JsonNode start = c.path("start_time_unix_secs");
            blocks.add("Conversation ID: " + Json.text(c, "conversation_id")
                    + "\nStatus: " + Json.text(c, "status")
                    + "\nAgent: " + (Json.text(c, "agent_name") == null ? "N/A" : Json.text(c, "agent_name"))
                    + " (ID: " + Json.text(c, "agent_id") + ")"
                    + "\nStarted: " + (start.isNumber() ? AgentTools.TIME.format(Instant.ofEpochSecond(start.asLong()))
                    + " UTC" : "unknown")
                    + "\nDuration: " + Json.text(c, "call_duration_secs") + " seconds"
                    + "\nMessages: " + Json.text(c, "message_count")
                    + "\nCall Successful: " + Json.text(c, "call_successful"));
        }
        boolean hasMore = page.path("has_more").asBoolean(false);
        String nextCursor = Json.text(page, "next_cursor");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversations", conversations);
        data.put("has_more", hasMore);
        data.put("next_cursor", nextCursor);
        if (conversations.isEmpty()) {
            return Results.structured("No conversations found.", data);
        }
        String pagination = "Showing " + conversations.size() + " conversations"
                + (hasMore ? " (more available, next cursor: " + nextCursor + ")" : "");
        String text = pagination + "\n\n" + String.join("\n\n", blocks);
        long maxLength = args.requireInteger("max_length");
        if (text.length() > maxLength) {
            text = text.substring(0, (int) maxLength) + "\n... (cut at max_length=" + maxLength
                    + "; ask for a smaller page_size or use the cursor)";
        }
        return Results.structured(text, data);
    }

    private ToolDefinition simulateConversation() {
        Params params = new Params()
                .requiredString("agent_id", "ID of the agent to test. Use list_agents to find IDs.")
                .requiredString("simulated_user_prompt", "Instructions for how the simulated user behaves, e.g. "
                        + "\"You are a frustrated customer who cannot find the cancel button.\"")
                .string("first_message", "Optional opening message of the simulated user.")
                .objects("extra_evaluation_criteria", "Optional criteria to evaluate, each an object with id "
                        + "(e.g. \"issue_resolved\"), name (e.g. \"Issue Resolved\"), conversation_goal_prompt (the "
                        + "assertion to check) and optional use_knowledge_base (boolean, default false).", 30)
                .integer("max_turns", "Maximum number of conversation turns.", 10L, 1, 100);
        return Tools.define("simulate_conversation", "Simulate a conversation",
                "Simulate a text conversation between a conversational AI agent and a simulated user. Runs the "
                        + "full conversation and returns the transcript plus analysis. Use this to test agent "
                        + "behaviour, evaluate prompts, and catch failure modes without a live call." + COST_WARNING,
                params, Tools.Effect.CREATES, this::simulateConversation);
    }

    private McpSchema.CallToolResult simulateConversation(Arguments args) {
        ArrayNode criteria = Json.array();
        for (Map<String, Object> c : args.objects("extra_evaluation_criteria")) {
            List<String> missing = new ArrayList<>();
            for (String field : List.of("id", "name", "conversation_goal_prompt")) {
                if (!(c.get(field) instanceof String s) || s.isBlank()) {
                    missing.add(field);
                }
            }
            if (missing.size() > 0) {
                throw new ToolInputException("Evaluation criterion missing fields " + missing + ". Each criterion "
                        + "needs 'id', 'name', and 'conversation_goal_prompt'.");
            }
            criteria.addObject().put("id", (String) c.get("id")).put("name", (String) c.get("name"))
                    .put("conversation_goal_prompt", (String) c.get("conversation_goal_prompt"))
                    .put("use_knowledge_base", Boolean.TRUE.equals(c.get("use_knowledge_base")));
        }
        ObjectNode user = Json.object();
        // The API wants the simulated user's prompt as a prompt object, not a bare string.
        user.putObject("prompt").put("prompt", args.string("simulated_user_prompt"));
        if (args.string("first_message") != null && !args.string("first_message").isBlank()) {
            user.put("first_message", args.string("first_message"));
        }
        ObjectNode body = Json.object();
        body.putObject("simulation_specification").set("simulated_user_config", user);
        if (!criteria.isEmpty()) {
            body.set("extra_evaluation_criteria", criteria);
        }
        body.put("new_turns_limit", args.integer("max_turns"));
        JsonNode response = ctx.api().json(ApiRequest.post("/v1/convai/agents/{}/simulate-conversation",
                args.require("agent_id")).json(body));
        return Results.text(simulationReport(response));
    }

    static String simulationReport(JsonNode response) {
        List<String> lines = new ArrayList<>(List.of("## Simulated Conversation\n"));
        for (JsonNode turn : response.path("simulated_conversation").values()) {
            String role = Objects.requireNonNullElse(Json.text(turn, "role"), "unknown");
            String message = Json.text(turn, "message");
            if (message != null) {
                lines.add("**" + role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1) + ":** " + message);
            }
            turn.path("tool_calls").values().forEach(call -> lines.add("  _(tool: "
                    + (Json.text(call, "tool_name") == null ? "?" : Json.text(call, "tool_name")) + ")_"));
        }
        JsonNode analysis = response.path("analysis");
        if (analysis.isObject()) {
            lines.add("\n## Analysis\n");
            if (Json.text(analysis, "transcript_summary") != null) {
                lines.add("**Summary:** " + Json.text(analysis, "transcript_summary") + "\n");
            }
            if (Json.text(analysis, "call_successful") != null) {
                lines.add("**Call result:** " + Json.text(analysis, "call_successful") + "\n");
            }
            JsonNode results = analysis.path("evaluation_criteria_results");
            if (results.isObject() && !results.isEmpty()) {
                lines.add("**Criteria results:**");
                results.properties().forEach(e -> lines.add("  **" + e.getKey() + "**: "
                        + Json.text(e.getValue(), "result") + " — " + Json.text(e.getValue(), "rationale")));
            }
        }
        return String.join("\n", lines);
    }

    private static @Nullable Long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asLong() : null;
    }
}
