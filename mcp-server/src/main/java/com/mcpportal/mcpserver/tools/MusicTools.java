package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ApiRequest;
import com.mcpportal.mcpserver.elevenlabs.ApiResponse;
import com.mcpportal.mcpserver.elevenlabs.ElevenLabsException;
import com.mcpportal.mcpserver.elevenlabs.Json;
import com.mcpportal.mcpserver.elevenlabs.Multipart;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mcpportal.mcpserver.tools.OutputSchemas.object;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalObject;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalString;
import static com.mcpportal.mcpserver.tools.ToolContext.COST_WARNING;

/** Music: compose_music, create_composition_plan, video_to_music and upload_music_for_inpainting. */
final class MusicTools {

    private static final List<String> MODELS = List.of("music_v1", "music_v2");
    private static final String PLAN_SHAPES = "music_v2 plans are {\"chunks\": [...]} where each chunk is a "
            + "GenerationChunk (text, duration_ms, positive_styles, negative_styles, context_adherence, optional "
            + "conditioning_ref and condition_strength) or an AudioRefChunk ({song_id, range: {start_ms, end_ms}}) "
            + "for inpainting; music_v1 plans are {positive_global_styles, negative_global_styles, sections}.";

    private final ToolContext ctx;

    MusicTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolDefinition> tools() {
        return List.of(composeMusic(), createCompositionPlan(), videoToMusic(), uploadMusicForInpainting());
    }

    private ToolDefinition composeMusic() {
        Params params = new Params()
                .string("prompt", "Prompt to convert to music. Give either prompt or composition_plan.")
                .outputDirectory()
                .object("composition_plan", "Composition plan (see create_composition_plan); its shape depends on "
                        + "model_id. Give either prompt or composition_plan.")
                .integer("music_length_ms", "Length of the music in milliseconds (3000-600000). Not with "
                        + "composition_plan.", null, 3_000, 600_000)
                .choice("model_id", "Music model.", "music_v2", MODELS)
                .bool("force_instrumental", "Avoid lyrics and vocals.", false)
                .bool("store_for_inpainting", "Store the song at ElevenLabs and return its song_id for later "
                        + "inpainting (AudioRefChunk.song_id or conditioning_ref).", false)
                .integer("seed", "Seed for reproducible generation (music_v2 only).", null, 0, 2_147_483_647);
        return Tools.define("compose_music", "Compose music",
                "Convert a prompt or a composition plan to music. " + ctx.outputs().describe() + ".\n\n"
                        + PLAN_SHAPES + " Inpainting needs a stored source song: call this tool with "
                        + "store_for_inpainting=true or use upload_music_for_inpainting first." + COST_WARNING,
                params, Tools.Effect.READS, this::composeMusic);
    }

    private McpSchema.CallToolResult composeMusic(Arguments args) {
        boolean hasPrompt = args.string("prompt") != null;
        boolean hasPlan = args.object("composition_plan") != null;
        if (!hasPrompt && !hasPlan) {
            throw new ToolInputException("Either prompt or composition_plan must be provided.");
        }
        if (hasPrompt && hasPlan) {
            throw new ToolInputException("Only one of prompt or composition_plan must be provided");
        }
        if (hasPlan && args.integer("music_length_ms") != null) {
            throw new ToolInputException("music_length_ms cannot be used if composition_plan is provided");
        }
        ObjectNode body = Json.object();
        if (hasPrompt) {
            body.put("prompt", args.string("prompt"));
        } else {
            body.set("composition_plan", Json.tree(Objects.requireNonNull(args.object("composition_plan"))));
        }
        if (args.integer("music_length_ms") != null) {
            body.put("music_length_ms", args.integer("music_length_ms"));
        }
        body.put("model_id", args.string("model_id")).put("force_instrumental", args.bool("force_instrumental"));
        byte[] audio;
        AudioFormat format;
        String songId = null;
        if (args.bool("store_for_inpainting")) {
            body.put("store_for_inpainting", true);
            ApiResponse response = ctx.api().send(ApiRequest.post("/v1/music/detailed").json(body));
            MultipartMixed.Part audioPart = null;
            for (MultipartMixed.Part part : MultipartMixed.parse(response.header("content-type"), response.body())) {
                if (part.contentType().startsWith("audio/")) {
                    audioPart = part;
                } else if (part.contentType().contains("json") && songId == null) {
                    songId = songId(part.body());
                }
            }
            if (audioPart == null) {
                throw new ElevenLabsException(response.status(), "invalid_response", "the answer held no audio");
            }
            songId = response.header("song-id") != null ? response.header("song-id") : songId;
            audio = audioPart.body();
            format = AudioFormat.ofContentType(audioPart.contentType().split(";")[0].strip());
        } else {
            if (args.integer("seed") != null) {
                body.put("seed", args.integer("seed"));
            }
            ApiResponse response = ctx.api().send(ApiRequest.post("/v1/music").json(body));
            audio = response.body();
            format = AudioFormat.ofContentType(response.contentType());
        }
        return ctx.outputs().audio(new Outputs.Clip(audio, format, Outputs.fileName("music", "", format.extension())),
                args.string("output_directory"), "Model: " + args.string("model_id") + "."
                        + (songId == null ? "" : " song_id (for inpainting): " + songId));
    }

    private ToolDefinition createCompositionPlan() {
        Params params = new Params()
                .requiredString("prompt", "Prompt to create a composition plan for.")
                .integer("music_length_ms", "Length of the planned music in milliseconds (10000-300000). If not "
                        + "given, the model chooses a length from the prompt.", null, 10_000, 300_000)
                .object("source_composition_plan", "An optional composition plan to start from; it should match "
                        + "the shape of model_id.")
                .choice("model_id", "Music model to plan for.", "music_v2", MODELS);
        return Tools.define("create_composition_plan", "Create a composition plan",
                "Create a composition plan for music generation. This costs no credits but is rate limited by "
                        + "tier. Pass the plan to compose_music as composition_plan. " + PLAN_SHAPES,
                params, Tools.Effect.READS, Map.of("type", "object"), args -> {
                    ObjectNode body = Json.object().put("prompt", args.string("prompt"));
                    if (args.integer("music_length_ms") != null) {
                        body.put("music_length_ms", args.integer("music_length_ms"));
                    }
                    if (args.object("source_composition_plan") != null) {
                        body.set("source_composition_plan", Json.tree(args.object("source_composition_plan")));
                    }
                    body.put("model_id", args.string("model_id"));
                    JsonNode plan = ctx.api().json(ApiRequest.post("/v1/music/plan").json(body));
                    return Results.structured(Json.pretty(plan), Json.plainObject(plan));
                });
    }

    private ToolDefinition videoToMusic() {
        Params params = new Params()
                .strings("input_file_paths", "Paths of video files inside the server's base path, in order.",
                        false, 10)
                .strings("video_base64", "Videos as base64 strings, instead of or besides files.", false, 10)
                .strings("video_urls", "Public https URLs of videos that the server downloads.", false, 10)
                .string("description", "Direction for the music, e.g. \"Build suspense, then resolve with a warm "
                        + "cinematic finish.\"")
                .strings("tags", "Up to 10 short style cues, e.g. [\"cinematic\", \"uplifting\"].", false, 10)
                .choice("model_id", "Music model.", "music_v2", MODELS)
                .outputDirectory();
        return Tools.define("video_to_music", "Music for video",
                "Generate background music for one or more video files. " + ctx.outputs().describe() + ".\n\n"
                        + "The videos are joined in the order given; the music fits their combined duration. "
                        + "1-10 videos per call in total (files, base64 and URLs), combined duration at most "
                        + "600 seconds." + COST_WARNING,
                params, Tools.Effect.READS, args -> {
                    List<InputFiles.InputFile> videos = ctx.inputs().many(args, "input_file_paths", "video_base64",
                            "video_urls", InputFiles.Kind.VIDEO, 1, 10);
                    Multipart form = new Multipart();
                    videos.forEach(v -> form.file("videos", v.fileName(), v.contentType(), v.data()));
                    form.field("description", args.string("description"));
                    args.strings("tags").forEach(tag -> form.field("tags", tag));
                    form.field("model_id", args.string("model_id"));
                    ApiResponse audio = ctx.api().send(ApiRequest.post("/v1/music/video-to-music").multipart(form));
                    AudioFormat format = AudioFormat.ofContentType(audio.contentType());
                    return ctx.outputs().audio(new Outputs.Clip(audio.body(), format, Outputs.fileName("v2m",
                                    SpeechTools.stem(videos.get(0).fileName()), format.extension())),
                            args.string("output_directory"), "Model: " + args.string("model_id") + ".");
                });
    }

    private ToolDefinition uploadMusicForInpainting() {
        Params params = SpeechTools.inputParams("The song to upload.")
                .choice("extract_composition_plan", "Extract a composition plan for this model from the song, "
                        + "as a starting point to edit; 'none' skips extraction.", "music_v2",
                        List.of("music_v1", "music_v2", "none"));
        return Tools.define("upload_music_for_inpainting", "Upload music for inpainting",
                "Upload an existing audio file to ElevenLabs so music_v2 inpainting can reference it. Returns a "
                        + "song_id to use in a composition plan's AudioRefChunks (or a generation chunk's "
                        + "conditioning_ref) with compose_music, and optionally an extracted composition plan. "
                        + "Only for enterprise customers with inpainting access." + ToolContext.INPUT_CHOICES
                        + COST_WARNING,
                params, Tools.Effect.CREATES, object(1, "song_id", optionalString(), "composition_plan", optionalObject()),
                args -> {
                    InputFiles.InputFile song = ctx.inputs().one(args, "input_file_path", "audio_base64",
                            "audio_url", InputFiles.Kind.AUDIO);
                    String extract = args.string("extract_composition_plan");
                    JsonNode result = ctx.api().json(ApiRequest.create("/v1/music/upload").multipart(new Multipart()
                            .file("file", song.fileName(), song.contentType(), song.data())
                            .field("extract_composition_plan", "none".equals(extract) ? null : extract)));
                    JsonNode plan = result.path("composition_plan");
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("song_id", Json.text(result, "song_id"));
                    data.put("composition_plan", plan.isObject() ? Json.plain(plan) : null);
                    return Results.structured("song_id: " + data.get("song_id") + (plan.isObject()
                            ? "\n\nExtracted composition plan (" + extract + "):\n" + Json.pretty(plan) : ""), data);
                });
    }

    private static @Nullable String songId(byte[] json) {
        try {
            JsonNode metadata = Json.parse(json);
            String id = Json.text(metadata, "song_id");
            return id != null ? id : Json.text(metadata.path("song_metadata"), "song_id");
        } catch (JacksonException e) {
            return null;
        }
    }
}
