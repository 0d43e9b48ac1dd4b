package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ApiRequest;
import com.mcpportal.mcpserver.elevenlabs.Json;
import com.mcpportal.mcpserver.elevenlabs.Multipart;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.mcpportal.mcpserver.tools.OutputSchemas.arrayOf;
import static com.mcpportal.mcpserver.tools.OutputSchemas.object;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalBoolean;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalInteger;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalString;
import static com.mcpportal.mcpserver.tools.OutputSchemas.string;
import static com.mcpportal.mcpserver.tools.ToolContext.COST_WARNING;

/** Conversational AI agents: create_agent, add_knowledge_base_to_agent, list_agents and get_agent. */
final class AgentTools {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ToolContext ctx;

    AgentTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolDefinition> tools() {
        return List.of(createAgent(), addKnowledgeBase(), listAgents(), getAgent());
    }

    private ToolDefinition createAgent() {
        Params params = new Params()
                .requiredString("name", "Name of the agent.")
                .requiredString("first_message", "First message the agent says, e.g. \"Hi, how can I help you "
                        + "today?\"")
                .requiredString("system_prompt", "System prompt for the agent.")
                .string("voice_id", "ID of the voice the agent speaks with.", ctx.settings().defaultVoiceId())
                .string("language", "ISO 639-1 language code of the agent.", "en")
                .string("llm", "LLM the agent uses.", "gemini-2.0-flash-001")
                .number("temperature", "Temperature of the LLM, 0 to 1: lower is more deterministic.", 0.5, 0, 1)
                .integer("max_tokens", "Maximum number of tokens the LLM generates per turn.", null, 1, 1_000_000)
                .choice("asr_quality", "Quality of the speech recognition.", "high", List.of("high", "low"))
                .string("model_id", "ElevenLabs TTS model the agent speaks with.", "eleven_turbo_v2")
                .integer("optimize_streaming_latency", "Streaming latency optimisation, 0 to 4.", 3L, 0, 4)
                .number("stability", "Stability of the agent's voice, 0 to 1.", 0.5, 0, 1)
                .number("similarity_boost", "Similarity boost of the agent's voice, 0 to 1.", 0.8, 0, 1)
                .integer("turn_timeout", "Seconds the agent waits for the user before it speaks.", 7L, 1, 600)
                .integer("max_duration_seconds", "Maximum duration of a conversation in seconds.", 300L, 1, 86_400)
                .bool("record_voice", "Whether to record the conversations' audio.", true)
                .integer("retention_days", "Number of days to keep the agent's conversation data.", 730L, 0, 3650);
        return Tools.define("create_agent", "Create an agent",
                "Create a conversational AI agent with custom configuration. Returns the new agent's ID."
                        + COST_WARNING,
                params, Tools.Effect.CREATES, args -> {
                    ObjectNode body = Json.object().put("name", args.string("name"));
                    body.set("conversation_config", AgentConfigs.conversationConfig(args));
                    body.set("platform_settings", AgentConfigs.platformSettings(args));
                    JsonNode created = ctx.api().json(ApiRequest.create("/v1/convai/agents/create").json(body));
                    String voiceId = args.string("voice_id");
                    return Results.text("Agent created successfully: Name: " + args.string("name")
                            + ", Agent ID: " + Json.text(created, "agent_id")
                            + ", System Prompt: " + args.string("system_prompt")
                            + ", Voice ID: " + (voiceId == null || voiceId.isBlank() ? "Default" : voiceId)
                            + ", Language: " + args.string("language") + ", LLM: " + args.string("llm")
                            + ", You can use this agent ID for future interactions with the agent.");
                });
    }

    private ToolDefinition addKnowledgeBase() {
        Params params = new Params()
                .requiredString("agent_id", "ID of the agent to add the knowledge base to.")
                .requiredString("knowledge_base_name", "Name of the knowledge base document.")
                .string("url", "URL of a web page that ElevenLabs fetches into the knowledge base.")
                .string("input_file_path", "Path of a document (epub, pdf, docx, txt, html) inside the server's "
                        + "base path (ELEVENLABS_MCP_BASE_PATH).")
                .string("text", "Text to add to the knowledge base.");
        return Tools.define("add_knowledge_base_to_agent", "Add knowledge to an agent",
                "Add a knowledge base document to the ElevenLabs workspace and attach it to an agent. Give "
                        + "exactly one of url, input_file_path or text. Allowed file types are epub, pdf, docx, "
                        + "txt, html." + COST_WARNING,
                params, Tools.Effect.CREATES, this::addKnowledgeBase);
    }

    private McpSchema.CallToolResult addKnowledgeBase(Arguments args) {
        long given = Stream.of("url", "input_file_path", "text").filter(args::has).count();
        if (given == 0) {
            throw new ToolInputException("Must provide either a URL, a file, or text");
        }
        if (given > 1) {
            throw new ToolInputException("Must provide exactly one of: URL, file, or text");
        }
        String name = args.require("knowledge_base_name");
        String agentId = args.require("agent_id");
        JsonNode document;
        if (args.has("url")) {
            document = ctx.api().json(ApiRequest.create("/v1/convai/knowledge-base/url")
                    .json(Json.object().put("url", args.string("url")).put("name", name)));
        } else {
            InputFiles.InputFile file = args.has("text")
                    ? new InputFiles.InputFile("text.txt", "text/plain",
                    args.require("text").getBytes(StandardCharsets.UTF_8))
                    : ctx.inputs().file("input_file_path", args.require("input_file_path"), InputFiles.Kind.DOCUMENT);
            document = ctx.api().json(ApiRequest.create("/v1/convai/knowledge-base/file")
                    .multipart(new Multipart().file("file", file.fileName(), file.contentType(), file.data())
                            .field("name", name)));
        }
        String documentId = Json.text(document, "id");
        JsonNode agent = ctx.api().json(ApiRequest.get("/v1/convai/agents/{}", agentId));
        JsonNode config = agent.path("conversation_config");
        ObjectNode conversationConfig = config.isObject() ? (ObjectNode) config.deepCopy() : Json.object();
        ObjectNode agentConfig = child(conversationConfig, "agent");
        ObjectNode prompt = child(agentConfig, "prompt");
        ArrayNode knowledgeBase = prompt.get("knowledge_base") instanceof ArrayNode list ? list
                : prompt.putArray("knowledge_base");
        knowledgeBase.addObject().put("type", args.has("url") ? "url" : "file").put("name", name)
                .put("id", documentId);
        ctx.api().send(ApiRequest.patch("/v1/convai/agents/{}", agentId)
                .json(Json.object().set("conversation_config", conversationConfig)));
        return Results.text("Knowledge base created with ID: " + documentId + " and added to agent " + agentId
                + " successfully.");
    }

    private ToolDefinition listAgents() {
        Map<String, Object> agent = object(2, "agent_id", string(), "name", string(),
                "created_at_unix_secs", optionalInteger());
        return Tools.define("list_agents", "List agents", "List all available conversational AI agents. Free.",
                new Params(), Tools.Effect.READS, object(1, "agents", arrayOf(agent), "has_more", optionalBoolean()),
                args -> {
                    JsonNode page = ctx.api().json(ApiRequest.get("/v1/convai/agents"));
                    List<Object> agents = new ArrayList<>();
                    List<String> names = new ArrayList<>();
                    for (JsonNode a : page.path("agents").values()) {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("agent_id", Json.text(a, "agent_id"));
                        entry.put("name", Json.text(a, "name"));
                        entry.put("created_at_unix_secs", a.path("created_at_unix_secs").isNumber()
                                ? a.path("created_at_unix_secs").asLong() : null);
                        agents.add(entry);
                        names.add(entry.get("name") + " (ID: " + entry.get("agent_id") + ")");
                    }
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("agents", agents);
                    data.put("has_more", page.path("has_more").asBoolean(false));
                    return Results.structured(agents.isEmpty() ? "No agents found."
                            : "Available agents: " + String.join(",", names), data);
                });
    }

    private ToolDefinition getAgent() {
        Map<String, Object> schema = object(2, "agent_id", string(), "name", string(),
                "voice_id", optionalString(), "language", optionalString(), "first_message", optionalString(),
                "system_prompt", optionalString(), "llm", optionalString(), "created_at_unix_secs", optionalInteger());
        return Tools.define("get_agent", "Get agent", "Get details about a specific conversational AI agent. Free.",
                new Params().requiredString("agent_id", "The ID of the agent to retrieve."), Tools.Effect.READS,
                schema, args -> {
                    JsonNode agent = ctx.api().json(ApiRequest.get("/v1/convai/agents/{}", args.require("agent_id")));
                    JsonNode config = agent.path("conversation_config");
                    JsonNode created = agent.path("metadata").path("created_at_unix_secs");
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("agent_id", Json.text(agent, "agent_id"));
                    data.put("name", Json.text(agent, "name"));
                    data.put("voice_id", Json.text(config.path("tts"), "voice_id"));
                    data.put("language", Json.text(config.path("agent"), "language"));
                    data.put("first_message", Json.text(config.path("agent"), "first_message"));
                    data.put("system_prompt", Json.text(config.path("agent").path("prompt"), "prompt"));
                    data.put("llm", Json.text(config.path("agent").path("prompt"), "llm"));
                    data.put("created_at_unix_secs", created.isNumber() ? created.asLong() : null);
                    String voice = data.get("voice_id") == null ? "None" : "Voice ID: " + data.get("voice_id");
                    return Results.structured("Agent Details: Name: " + data.get("name") + ", Agent ID: "
                            + data.get("agent_id") + ", Voice Configuration: " + voice + ", Created At: "
                            + (created.isNumber() ? TIME.format(Instant.ofEpochSecond(created.asLong())) + " UTC"
                            : "unknown"), data);
                });
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode child ? child : parent.putObject(name);
    }
}
