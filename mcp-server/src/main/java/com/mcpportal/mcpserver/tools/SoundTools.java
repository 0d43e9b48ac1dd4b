package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ApiRequest;
import com.mcpportal.mcpserver.elevenlabs.ApiResponse;
import com.mcpportal.mcpserver.elevenlabs.Json;
import com.mcpportal.mcpserver.elevenlabs.Multipart;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.Base64;
import java.util.List;

import static com.mcpportal.mcpserver.tools.ToolContext.COST_WARNING;
import static com.mcpportal.mcpserver.tools.ToolContext.INPUT_CHOICES;

/** Sound: text_to_sound_effects, isolate_audio and play_audio. */
final class SoundTools {

    private final ToolContext ctx;

    SoundTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolDefinition> tools() {
        return List.of(textToSoundEffects(), isolateAudio(), playAudio());
    }

    private ToolDefinition textToSoundEffects() {
        Params params = new Params()
                .requiredString("text", "Text description of the sound effect, e.g. 'a door creaking open'.")
                .number("duration_seconds", "Duration of the sound effect in seconds, 0.5 to 5.", 2.0, 0.5, 5)
                .outputDirectory()
                .outputFormat()
                .bool("loop", "Whether the sound effect should loop seamlessly.", false);
        return Tools.define("text_to_sound_effects", "Text to sound effects",
                "Convert a text description of a sound effect to a sound effect of a given duration. "
                        + ctx.outputs().describe() + ".\n\nDuration must be between 0.5 and 5 seconds."
                        + COST_WARNING,
                params, Tools.Effect.READS, args -> {
                    String text = args.require("text");
                    String outputFormat = args.require("output_format");
                    ApiResponse audio = ctx.api().send(ApiRequest.post("/v1/sound-generation")
                            .query("output_format", outputFormat)
                            .json(Json.object().put("text", text)
                                    .put("duration_seconds", args.number("duration_seconds"))
                                    .put("loop", args.bool("loop"))));
                    AudioFormat format = AudioFormat.ofOutputFormat(outputFormat);
                    return ctx.outputs().audio(new Outputs.Clip(audio.body(), format,
                                    Outputs.fileName("sfx", text.substring(0, Math.min(5, text.length())),
                                            format.extension())),
                            args.string("output_directory"), null);
                });
    }

    private ToolDefinition isolateAudio() {
        Params params = SpeechTools.inputParams("The audio to clean up.")
                .outputDirectory();
        return Tools.define("isolate_audio", "Isolate audio",
                "Isolate speech from background noise and music in an audio file. " + ctx.outputs().describe()
                        + "." + INPUT_CHOICES + COST_WARNING,
                params, Tools.Effect.READS, args -> {
                    InputFiles.InputFile input = input(args);
                    ApiResponse audio = ctx.api().send(ApiRequest.post("/v1/audio-isolation")
                            .multipart(new Multipart().file("audio", input.fileName(), input.contentType(),
                                    input.data())));
                    AudioFormat format = AudioFormat.ofContentType(audio.contentType());
                    return ctx.outputs().audio(new Outputs.Clip(audio.body(), format,
                                    Outputs.fileName("iso", SpeechTools.stem(input.fileName()), format.extension())),
                            args.string("output_directory"), null);
                });
    }

    private ToolDefinition playAudio() {
        return Tools.define("play_audio", "Play audio",
                "Play an audio file (WAV, MP3 and other common formats). This server runs remotely and cannot "
                        + "play sound itself: it returns the audio as MCP audio content for your client to play."
                        + INPUT_CHOICES + " No ElevenLabs call is made; this tool is free.",
                SpeechTools.inputParams("The audio to play."), Tools.Effect.READS, this::playAudio);
    }

    private McpSchema.CallToolResult playAudio(Arguments args) {
        InputFiles.InputFile input = input(args);
        String mimeType = input.contentType().startsWith("audio/") || input.contentType().startsWith("video/")
                ? input.contentType() : AudioFormat.ofFileName(input.fileName()).mimeType();
        return Results.contents(List.of(
                new McpSchema.TextContent("This server cannot play sound: " + input.fileName() + " ("
                        + mimeType + ", " + input.data().length + " bytes) is attached for your client to play."),
                new McpSchema.AudioContent(null, Base64.getEncoder().encodeToString(input.data()), mimeType)));
    }

    private InputFiles.InputFile input(Arguments args) {
        return ctx.inputs().one(args, "input_file_path", "audio_base64", "audio_url", InputFiles.Kind.AUDIO);
    }
}
