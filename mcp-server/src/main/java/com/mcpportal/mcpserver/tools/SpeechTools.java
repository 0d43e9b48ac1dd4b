package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ApiRequest;
import com.mcpportal.mcpserver.elevenlabs.ApiResponse;
import com.mcpportal.mcpserver.elevenlabs.Json;
import com.mcpportal.mcpserver.elevenlabs.Multipart;
import io.modelcontextprotocol.spec.McpSchema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.mcpportal.mcpserver.tools.ToolContext.COST_WARNING;
import static com.mcpportal.mcpserver.tools.ToolContext.INPUT_CHOICES;

/** Speech: text_to_speech, speech_to_speech (voice changer) and speech_to_text (transcription). */
final class SpeechTools {

    private static final Set<String> FLASH_LANGUAGES = Set.of("hu", "no", "vi");

    private final ToolContext ctx;
    private final Voices voices;

    SpeechTools(ToolContext ctx) {
        this.ctx = ctx;
        this.voices = new Voices(ctx.api());
    }

    List<ToolDefinition> tools() {
        return List.of(textToSpeech(), speechToText(), speechToSpeech());
    }

    private ToolDefinition textToSpeech() {
        Params params = new Params()
                .requiredString("text", "The text to convert to speech.")
                .string("voice_name", "The name of the voice to use (exact match). Do not combine with voice_id.")
                .outputDirectory()
                .string("voice_id", "The ID of the voice to use. Do not combine with voice_name. If neither is "
                        + "given, the server's default voice (" + ctx.settings().defaultVoiceId() + ") is used.")
                .number("stability", "Stability of the voice, 0 to 1. Lower values give a broader emotional "
                        + "range, higher values a steadier, possibly monotonous voice.", 0.5, 0, 1)
                .number("similarity_boost", "How closely the AI should adhere to the original voice, 0 to 1.",
                        0.75, 0, 1)
                .number("style", "Style exaggeration of the voice, 0 to 1. Values above 0 add latency.", 0.0, 0, 1)
                .bool("use_speaker_boost", "Boost similarity to the original speaker (slightly more latency).",
                        true)
                .number("speed", "Speed of the speech: 1.0 is normal, 0.7 slowest, 1.2 fastest.", 1.0, 0.7, 1.2)
                .string("language", "ISO 639-1 language code of the text; picks eleven_flash_v2_5 for hu, no "
                        + "and vi when model_id is not given.", "en")
                .outputFormat()
                .string("model_id", "Model to use: eleven_v3 (most expressive), eleven_multilingual_v2 "
                        + "(high quality, 29 languages), eleven_flash_v2_5 (fastest, 32 languages), "
                        + "eleven_turbo_v2_5 (balanced, 32 languages), eleven_flash_v2 or eleven_turbo_v2 "
                        + "(English only). Defaults to eleven_multilingual_v2.");
        return Tools.define("text_to_speech", "Text to speech",
                "Convert text to speech with a given voice. " + ctx.outputs().describe() + ".\n\n"
                        + "Only one of voice_id or voice_name can be provided. If none are provided, the default "
                        + "voice is used." + COST_WARNING,
                params, Tools.Effect.READS, this::textToSpeech);
    }

    private McpSchema.CallToolResult textToSpeech(Arguments args) {
        String voiceId = args.string("voice_id");
        String voiceName = args.string("voice_name");
        if (voiceId != null && voiceName != null) {
            throw new ToolInputException("voice_id and voice_name cannot both be provided.");
        }
        String text = args.require("text");
        String outputFormat = args.require("output_format");
        String modelId = args.string("model_id") != null ? args.string("model_id")
                : FLASH_LANGUAGES.contains(args.string("language")) ? "eleven_flash_v2_5" : "eleven_multilingual_v2";
        Voices.Voice voice = voiceId != null ? voices.byId(voiceId)
                : voiceName != null ? voices.byName(voiceName) : null;
        ObjectNode settings = Json.object()
                .put("stability", args.number("stability"))
                .put("similarity_boost", args.number("similarity_boost"))
                .put("style", args.number("style"))
                .put("use_speaker_boost", args.bool("use_speaker_boost"))
                .put("speed", args.number("speed"));
        ObjectNode body = Json.object().put("text", text).put("model_id", modelId);
        body.set("voice_settings", settings);
        ApiResponse audio = ctx.api().send(ApiRequest.post("/v1/text-to-speech/{}",
                        voice == null ? ctx.settings().defaultVoiceId() : voice.id())
                .query("output_format", outputFormat).json(body));
        AudioFormat format = AudioFormat.ofOutputFormat(outputFormat);
        return ctx.outputs().audio(new Outputs.Clip(audio.body(), format,
                        Outputs.fileName("tts", text.substring(0, Math.min(5, text.length())), format.extension())),
                args.string("output_directory"),
                "Voice used: " + (voice == null ? ctx.settings().defaultVoiceId() : voice.name()) + ".");
    }

    private ToolDefinition speechToSpeech() {
        Params params = inputParams("The audio to transform.")
                .string("voice_name", "Name of the voice to transform the audio into (exact match).", "Adam")
                .outputDirectory();
        return Tools.define("speech_to_speech", "Speech to speech",
                "Transform audio from one voice to another. " + ctx.outputs().describe() + "." + INPUT_CHOICES
                        + COST_WARNING,
                params, Tools.Effect.READS, args -> {
                    InputFiles.InputFile input = input(args);
                    Voices.Voice voice = voices.byName(args.require("voice_name"));
                    ApiResponse audio = ctx.api().send(ApiRequest.post("/v1/speech-to-speech/{}", voice.id())
                            .multipart(new Multipart()
                                    .file("audio", input.fileName(), input.contentType(), input.data())
                                    .field("model_id", "eleven_multilingual_sts_v2")));
                    AudioFormat format = AudioFormat.ofContentType(audio.contentType());
                    return ctx.outputs().audio(new Outputs.Clip(audio.body(), format,
                                    Outputs.fileName("sts", stem(input.fileName()), format.extension())),
                            args.string("output_directory"), "Voice used: " + voice.name() + ".");
                });
    }

    private ToolDefinition speechToText() {
        Params params = inputParams("The audio or video to transcribe.")
                .string("language_code", "ISO 639-3 (or 639-1) language code of the speech. If not given, "
                        + "the language is detected automatically.")
                .bool("diarize", "Annotate which speaker is talking (SPEAKER 0: ..., SPEAKER 1: ...).", false)
                .bool("save_transcript_to_file", "Save the transcript as a text file (or return it as an "
                        + "embedded text resource, depending on the server's output mode).", true)
                .bool("return_transcript_to_client_directly", "Return the transcript as plain text in the result, "
                        + "whatever the output mode.", false)
                .outputDirectory();
        return Tools.define("speech_to_text", "Speech to text",
                "Transcribe speech from an audio or video file. When save_transcript_to_file=true: "
                        + ctx.outputs().describeText() + ". When return_transcript_to_client_directly=true, the transcript always comes back as "
                        + "text." + INPUT_CHOICES + COST_WARNING,
                params, Tools.Effect.READS, this::speechToText);
    }

    private McpSchema.CallToolResult speechToText(Arguments args) {
        boolean save = args.bool("save_transcript_to_file");
        boolean direct = args.bool("return_transcript_to_client_directly");
        if (!save && !direct) {
            throw new ToolInputException("Must save transcript to file or return it to the client directly.");
        }
        InputFiles.InputFile input = input(args);
        String language = args.string("language_code");
        JsonNode transcription = ctx.api().json(ApiRequest.post("/v1/speech-to-text")
                .query("enable_logging", true)
                .multipart(new Multipart()
                        .file("file", input.fileName(), input.contentType(), input.data())
                        .field("model_id", "scribe_v2")
                        .field("language_code", language == null || language.isBlank() ? null : language)
                        .field("diarize", args.bool("diarize"))
                        .field("tag_audio_events", true)));
        String transcript = args.bool("diarize") ? diarized(transcription) : Json.text(transcription, "text");
        transcript = transcript == null ? "" : transcript;
        if (direct) {
            return Results.text(transcript);
        }
        return ctx.outputs().textFile(Outputs.fileName("stt", stem(input.fileName()), "txt"), transcript,
                args.string("output_directory"), null);
    }

    /** Speaker-labelled paragraphs from the words' speaker ids, as the official server formats them. */
    static @Nullable String diarized(JsonNode transcription) {
        List<String> paragraphs = new ArrayList<>();
        String speaker = null;
        List<String> words = new ArrayList<>();
        for (JsonNode word : transcription.path("words").values()) {
            String id = Json.text(word, "speaker_id");
            String text = Json.text(word, "text");
            if (id == null || text == null || "spacing".equals(Json.text(word, "type"))) {
                continue;
            }
            if (!id.equals(speaker)) {
                if (speaker != null && !words.isEmpty()) {
                    paragraphs.add(label(speaker) + ": " + String.join(" ", words));
                }
                speaker = id;
                words = new ArrayList<>();
            }
            words.add(text.strip());
        }
        if (speaker != null && !words.isEmpty()) {
            paragraphs.add(label(speaker) + ": " + String.join(" ", words));
        }
        return paragraphs.isEmpty() ? Json.text(transcription, "text") : String.join("\n\n", paragraphs);
    }

    private static String label(String speakerId) {
        return speakerId.toUpperCase().replace('_', ' ');
    }

    static Params inputParams(String what) {
        return new Params()
                .string("input_file_path", what + " Path of a file inside the server's base path "
                        + "(ELEVENLABS_MCP_BASE_PATH); relative paths start there.")
                .string("audio_base64", what + " The file's bytes, base64-encoded (a data: URL works too).")
                .string("audio_url", what + " A public https URL that the server downloads.");
    }

    private InputFiles.InputFile input(Arguments args) {
        return ctx.inputs().one(args, "input_file_path", "audio_base64", "audio_url", InputFiles.Kind.AUDIO);
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot < 0 ? fileName : fileName.substring(0, dot);
        return stem.substring(0, Math.min(5, stem.length()));
    }
}
