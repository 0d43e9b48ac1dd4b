package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ApiRequest;
import com.mcpportal.mcpserver.elevenlabs.ElevenLabsException;
import com.mcpportal.mcpserver.elevenlabs.Json;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static com.mcpportal.mcpserver.tools.ToolContext.COST_WARNING;

/** Voice design: text_to_voice (previews from a description) and create_voice_from_preview. */
final class VoiceDesignTools {

    private final ToolContext ctx;

    VoiceDesignTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolDefinition> tools() {
        return List.of(textToVoice(), createVoiceFromPreview());
    }

    private ToolDefinition textToVoice() {
        Params params = new Params()
                .requiredString("voice_description", "Description of the voice to design, e.g. 'a calm, deep "
                        + "male voice with a British accent'.")
                .string("text", "Text the previews speak (100 to 1000 characters). If not given, text is "
                        + "generated automatically.")
                .outputDirectory();
        return Tools.define("text_to_voice", "Design a voice",
                "Create voice previews from a text prompt. Creates three previews with slight variations. "
                        + ctx.outputs().describe() + ".\n\nIf no text is provided, the tool will auto-generate "
                        + "text. The result names each preview's generated voice ID; pass the one the user likes "
                        + "to create_voice_from_preview to keep it. Preview files are named "
                        + "voice_design_(generated_voice_id)_(timestamp).mp3." + COST_WARNING,
                params, Tools.Effect.READS, this::textToVoice);
    }

    private McpSchema.CallToolResult textToVoice(Arguments args) {
        String text = args.string("text");
        ObjectNode body = Json.object().put("voice_description", args.string("voice_description"))
                .put("auto_generate_text", text == null);
        if (text != null) {
            body.put("text", text);
        }
        JsonNode previews = ctx.api().json(ApiRequest.post("/v1/text-to-voice/create-previews").json(body));
        List<Outputs.Clip> clips = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode preview : previews.path("previews").values()) {
            String id = Json.text(preview, "generated_voice_id");
            byte[] audio;
            try {
                audio = Base64.getDecoder().decode(Json.text(preview, "audio_base_64"));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ElevenLabsException(200, "invalid_response", "a voice preview carried no valid audio");
            }
            AudioFormat format = AudioFormat.ofContentType(Json.text(preview, "media_type"));
            clips.add(new Outputs.Clip(audio, format, Outputs.fileName("voice_design", id, format.extension())));
            ids.add(id);
        }
        if (clips.isEmpty()) {
            return Results.text("No files generated: ElevenLabs returned no previews.");
        }
        return ctx.outputs().audios(clips, args.string("output_directory"),
                "Generated voice IDs are: " + String.join(", ", ids));
    }

    private ToolDefinition createVoiceFromPreview() {
        Params params = new Params()
                .requiredString("generated_voice_id", "The generated voice ID of a preview from text_to_voice.")
                .requiredString("voice_name", "Name of the new voice.")
                .requiredString("voice_description", "Description of the new voice.");
        return Tools.define("create_voice_from_preview", "Save a designed voice",
                "Add a generated voice to the voice library. Uses the voice ID from the text_to_voice tool."
                        + COST_WARNING,
                params, Tools.Effect.CREATES, args -> {
                    JsonNode voice = ctx.api().json(ApiRequest.create("/v1/text-to-voice").json(Json.object()
                            .put("voice_name", args.string("voice_name"))
                            .put("voice_description", args.string("voice_description"))
                            .put("generated_voice_id", args.string("generated_voice_id"))));
                    return Results.text("Success. Voice created: " + Json.text(voice, "name") + " with ID:"
                            + Json.text(voice, "voice_id"));
                });
    }
}
