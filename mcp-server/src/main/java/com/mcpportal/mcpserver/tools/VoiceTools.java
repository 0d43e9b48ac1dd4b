package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ApiRequest;
import com.mcpportal.mcpserver.elevenlabs.Json;
import com.mcpportal.mcpserver.elevenlabs.Multipart;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mcpportal.mcpserver.tools.OutputSchemas.anyObject;
import static com.mcpportal.mcpserver.tools.OutputSchemas.arrayOf;
import static com.mcpportal.mcpserver.tools.OutputSchemas.object;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalBoolean;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalObject;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalString;
import static com.mcpportal.mcpserver.tools.OutputSchemas.string;
import static com.mcpportal.mcpserver.tools.ToolContext.COST_WARNING;

/** Voices: search_voices, get_voice, voice_clone and search_voice_library. */
final class VoiceTools {

    private static final Map<String, Object> VOICE = object(2, "id", string(), "name", string(),
            "category", optionalString(), "fine_tuning_status", optionalObject());

    private final ToolContext ctx;

    VoiceTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolDefinition> tools() {
        return List.of(searchVoices(), getVoice(), voiceClone(), searchVoiceLibrary());
    }

    private ToolDefinition searchVoices() {
        Params params = new Params()
                .string("search", "Search term to filter voices by. Searches in name, description, labels and "
                        + "category.")
                .choice("sort", "Which field to sort by. created_at_unix might not be available for older voices.",
                        "name", List.of("created_at_unix", "name"))
                .choice("sort_direction", "Sort order.", "desc", List.of("asc", "desc"));
        return Tools.define("search_voices", "Search my voices",
                "Search for existing voices, voices that have already been added to the user's ElevenLabs voice "
                        + "library. Searches in name, description, labels and category. Returns the matching "
                        + "voices with id, name and category. Free: does not generate audio.",
                params, Tools.Effect.READS, object(1, "voices", arrayOf(VOICE)), args -> {
                    JsonNode found = ctx.api().json(ApiRequest.get("/v2/voices")
                            .query("search", args.string("search"))
                            .query("sort", args.string("sort"))
                            .query("sort_direction", args.string("sort_direction")));
                    List<Object> voices = new ArrayList<>();
                    StringBuilder text = new StringBuilder();
                    for (JsonNode voice : found.path("voices").values()) {
                        voices.add(voice(voice, false));
                        text.append(Json.text(voice, "name")).append(" (ID: ").append(Json.text(voice, "voice_id"))
                                .append(", category: ").append(Json.text(voice, "category")).append(")\n");
                    }
                    return Results.structured(voices.isEmpty() ? "No voices found." : text.toString().strip(),
                            Map.of("voices", voices));
                });
    }

    private ToolDefinition getVoice() {
        Params params = new Params().requiredString("voice_id", "The ID of the voice, e.g. from search_voices.");
        return Tools.define("get_voice", "Get voice", "Get details of a specific voice: name, category and "
                        + "fine-tuning status. Free: does not generate audio.",
                params, Tools.Effect.READS, VOICE, args -> {
                    JsonNode voice = ctx.api().json(ApiRequest.get("/v1/voices/{}", args.require("voice_id")));
                    Map<String, Object> data = voice(voice, true);
                    return Results.structured("Voice " + data.get("name") + " (ID: " + data.get("id")
                            + ", category: " + data.get("category") + ", fine-tuning: "
                            + data.get("fine_tuning_status") + ")", data);
                });
    }

    private ToolDefinition voiceClone() {
        Params params = new Params()
                .requiredString("name", "Name of the new voice.")
                .strings("files", "Paths of audio samples inside the server's base path "
                        + "(ELEVENLABS_MCP_BASE_PATH).", false, 25)
                .string("description", "Description of the voice.")
                .strings("audio_base64", "Audio samples as base64 strings, instead of or besides files.", false, 25)
                .strings("audio_urls", "Public https URLs of audio samples that the server downloads.", false, 25);
        return Tools.define("voice_clone", "Clone a voice",
                "Create an instant voice clone from audio samples (1 to 25 samples in total through files, "
                        + "audio_base64 and audio_urls)." + COST_WARNING,
                params, Tools.Effect.CREATES, this::voiceClone);
    }

    private McpSchema.CallToolResult voiceClone(Arguments args) {
        List<InputFiles.InputFile> samples = ctx.inputs().many(args, "files", "audio_base64", "audio_urls",
                InputFiles.Kind.AUDIO, 1, 25);
        Multipart form = new Multipart().field("name", args.require("name"))
                .field("description", args.string("description"));
        samples.forEach(sample -> form.file("files", sample.fileName(), sample.contentType(), sample.data()));
        JsonNode created = ctx.api().json(ApiRequest.create("/v1/voices/add").multipart(form));
        String description = args.string("description");
        return Results.text("Voice cloned successfully: Name: " + args.string("name")
                + "\nID: " + Json.text(created, "voice_id")
                + "\nCategory: cloned"
                + "\nDescription: " + (description == null ? "N/A" : description)
                + (created.path("requires_verification").asBoolean(false)
                ? "\nThe voice requires verification before it can be used." : ""));
    }

    private ToolDefinition searchVoiceLibrary() {
        Params params = new Params()
                .integer("page", "Page number to return (0-indexed).", 0L, 0, 10_000)
                .integer("page_size", "Number of voices to return per page (1-100).", 10L, 1, 100)
                .string("search", "Search term to filter voices by.");
        Map<String, Object> shared = object(2, "id", string(), "name", string(), "category", optionalString(),
                "gender", optionalString(), "age", optionalString(), "accent", optionalString(),
                "description", optionalString(), "use_case", optionalString(),
                "languages", arrayOf(anyObject()), "preview_url", optionalString());
        return Tools.define("search_voice_library", "Search the voice library",
                "Search for a voice across the entire ElevenLabs voice library (voices shared by the community), "
                        + "not only the user's own voices. Free: does not generate audio.",
                params, Tools.Effect.READS, object(1, "voices", arrayOf(shared), "has_more", optionalBoolean()),
                args -> {
                    JsonNode found = ctx.api().json(ApiRequest.get("/v1/shared-voices")
                            .query("page", args.integer("page"))
                            .query("page_size", args.integer("page_size"))
                            .query("search", args.string("search")));
                    List<Object> voices = new ArrayList<>();
                    List<String> blocks = new ArrayList<>();
                    for (JsonNode voice : found.path("voices").values()) {
                        Map<String, Object> data = sharedVoice(voice);
                        voices.add(data);
                        blocks.add(describeShared(data));
                    }
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("voices", voices);
                    result.put("has_more", found.path("has_more").asBoolean(false));
                    return Results.structured(voices.isEmpty() ? "No shared voices found with the specified criteria."
                            : "Shared Voices:\n\n" + String.join("\n\n", blocks), result);
                });
    }

    private static Map<String, Object> voice(JsonNode voice, boolean withFineTuning) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", Json.text(voice, "voice_id"));
        data.put("name", Json.text(voice, "name"));
        data.put("category", Json.text(voice, "category"));
        if (withFineTuning) {
            JsonNode state = voice.path("fine_tuning").path("state");
            data.put("fine_tuning_status", state.isObject() ? Json.plain(state) : null);
        }
        return data;
    }

    private static Map<String, Object> sharedVoice(JsonNode voice) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", Json.text(voice, "voice_id"));
        data.put("name", Json.text(voice, "name"));
        for (String field : List.of("category", "gender", "age", "accent", "description", "use_case")) {
            data.put(field, Json.text(voice, field));
        }
        List<Object> languages = new ArrayList<>();
        voice.path("verified_languages").values().forEach(l -> languages.add(Json.plain(l)));
        data.put("languages", languages);
        data.put("preview_url", Json.text(voice, "preview_url"));
        return data;
    }

    @SuppressWarnings("unchecked")
    private static String describeShared(Map<String, Object> voice) {
        List<String> lines = new ArrayList<>(List.of("Name: " + voice.get("name"), "ID: " + voice.get("id"),
                "Category: " + (voice.get("category") == null ? "N/A" : voice.get("category"))));
        for (String field : List.of("gender", "age", "accent", "description", "use_case")) {
            if (voice.get(field) != null && !voice.get(field).toString().isEmpty()) {
                String label = field.equals("use_case") ? "Use Case"
                        : Character.toUpperCase(field.charAt(0)) + field.substring(1);
                lines.add(label + ": " + voice.get(field));
            }
        }
        List<String> languages = new ArrayList<>();
        for (Object language : (List<Object>) voice.getOrDefault("languages", List.of())) {
            Map<String, Object> l = (Map<String, Object>) language;
            languages.add(l.get("language") + (l.get("accent") == null ? "" : " (" + l.get("accent") + ")"));
        }
        lines.add("Languages: " + (languages.isEmpty() ? "N/A" : String.join(", ", languages)));
        if (voice.get("preview_url") != null) {
            lines.add("Preview URL: " + voice.get("preview_url"));
        }
        return String.join("\n", lines);
    }
}
