package com.mcpportal.mcpserver.tools;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mcpportal.mcpserver.elevenlabs.Json;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.mcpportal.mcpserver.tools.ToolHarness.audio;
import static com.mcpportal.mcpserver.tools.ToolHarness.decode;
import static com.mcpportal.mcpserver.tools.ToolHarness.structured;
import static com.mcpportal.mcpserver.tools.ToolHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

class MusicToolsTests extends ToolTestSupport {

    @Test
    void composeMusicFromAPromptUsesMusicV2ByDefault() {
        McpSchema.CallToolResult result = call("compose_music", Map.of("prompt", "calm piano at dawn",
                "music_length_ms", 30000, "seed", 7));

        assertThat(decode(audio(result).get(0))).isEqualTo(FakeElevenLabs.mp3(60));
        assertThat(text(result)).contains("Model: music_v2.");
        JsonNode body = Json.parse(fake.requests("POST", "/v1/music").get(0).getBody());
        assertThat(body.path("prompt").asString()).isEqualTo("calm piano at dawn");
        assertThat(body.path("music_length_ms").asInt()).isEqualTo(30000);
        assertThat(body.path("model_id").asString()).isEqualTo("music_v2");
        assertThat(body.path("force_instrumental").asBoolean()).isFalse();
        assertThat(body.path("seed").asInt()).isEqualTo(7);
    }

    @Test
    void composeMusicFromAPlanPassesThePlanThrough() {
        Map<String, Object> plan = Map.of("chunks", List.of(Map.of("text", "intro", "duration_ms", 10000)));

        call("compose_music", Map.of("composition_plan", plan, "force_instrumental", true));

        JsonNode body = Json.parse(fake.requests("POST", "/v1/music").get(0).getBody());
        assertThat(body.path("composition_plan").path("chunks").get(0).path("text").asString()).isEqualTo("intro");
        assertThat(body.has("prompt")).isFalse();
        assertThat(body.path("force_instrumental").asBoolean()).isTrue();
    }

    @Test
    void composeMusicForInpaintingReadsTheSongIdFromTheDetailedAnswer() {
        McpSchema.CallToolResult result = call("compose_music", Map.of("prompt", "jazz", "store_for_inpainting", true));

        assertThat(result.isError()).isFalse();
        assertThat(decode(audio(result).get(0))).isEqualTo(FakeElevenLabs.mp3(60));
        assertThat(text(result)).contains("song_id (for inpainting): " + FakeElevenLabs.SONG_ID);
        JsonNode body = Json.parse(fake.requests("POST", "/v1/music/detailed").get(0).getBody());
        assertThat(body.path("store_for_inpainting").asBoolean()).isTrue();
    }

    @Test
    void composeMusicArgumentRules() {
        assertThat(text(call("compose_music", Map.of())))
                .isEqualTo("Either prompt or composition_plan must be provided.");
        assertThat(text(call("compose_music", Map.of("prompt", "a", "composition_plan", Map.of()))))
                .isEqualTo("Only one of prompt or composition_plan must be provided");
        assertThat(text(call("compose_music", Map.of("composition_plan", Map.of(), "music_length_ms", 10000))))
                .isEqualTo("music_length_ms cannot be used if composition_plan is provided");
        assertThat(call("compose_music", Map.of("prompt", "a", "model_id", "music_v3")).isError()).isTrue();
        assertThat(call("compose_music", Map.of("prompt", "a", "music_length_ms", 1000)).isError()).isTrue();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void createCompositionPlanReturnsThePlanAsStructuredContent() {
        McpSchema.CallToolResult result = call("create_composition_plan", Map.of("prompt", "piano then strings",
                "music_length_ms", 30000));

        assertThat(structured(result).get("chunks")).asList().hasSize(2);
        assertThat(text(result)).contains("\"positive_styles\"");
        JsonNode body = Json.parse(fake.requests("POST", "/v1/music/plan").get(0).getBody());
        assertThat(body.path("model_id").asString()).isEqualTo("music_v2");
        assertThat(body.path("music_length_ms").asInt()).isEqualTo(30000);
    }

    @Test
    void createCompositionPlanForMusicV1WithASourcePlan() {
        McpSchema.CallToolResult result = call("create_composition_plan", Map.of("prompt", "ambient",
                "model_id", "music_v1", "source_composition_plan", Map.of("positive_global_styles", List.of("ambient"),
                        "negative_global_styles", List.of(), "sections", List.of())));

        assertThat(structured(result)).containsKey("sections");
        JsonNode body = Json.parse(fake.requests("POST", "/v1/music/plan").get(0).getBody());
        assertThat(body.path("source_composition_plan").path("positive_global_styles").get(0).asString())
                .isEqualTo("ambient");
    }

    @Test
    void videoToMusicUploadsVideosInOrderWithTagsAndDescription() throws Exception {
        Files.write(basePath.resolve("clip1.mp4"), mp4());
        McpSchema.CallToolResult result = call("video_to_music", Map.of("input_file_paths", List.of("clip1.mp4"),
                "video_base64", List.of(Base64.getEncoder().encodeToString(mp4())),
                "description", "Build suspense", "tags", List.of("cinematic", "tense")));

        assertThat(result.isError()).isFalse();
        assertThat(audio(result)).hasSize(1);
        LoggedRequest request = fake.requests("POST", "/v1/music/video-to-music").get(0);
        assertThat(request.getParts()).filteredOn(p -> p.getName().equals("videos")).hasSize(2)
                .allSatisfy(p -> assertThat(p.getHeader("Content-Type").firstValue()).isEqualTo("video/mp4"));
        assertThat(request.getParts()).filteredOn(p -> p.getName().equals("tags"))
                .extracting(p -> new String(p.getBody().asBytes())).containsExactly("cinematic", "tense");
        assertThat(part(request, "description")).isEqualTo("Build suspense");
        assertThat(part(request, "model_id")).isEqualTo("music_v2");
    }

    @Test
    void videoToMusicTakesOneToTenVideos() {
        assertThat(text(call("video_to_music", Map.of()))).contains("Provide between 1 and 10 files");
        assertThat(call("video_to_music", Map.of("tags", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                "k"), "video_base64", List.of("AAAA"))).isError()).isTrue();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void uploadMusicForInpaintingReturnsSongIdAndExtractedPlan() {
        McpSchema.CallToolResult result = call("upload_music_for_inpainting",
                Map.of("audio_base64", Base64.getEncoder().encodeToString(FakeElevenLabs.mp3(3))));

        assertThat(text(result)).startsWith("song_id: " + FakeElevenLabs.SONG_ID)
                .contains("Extracted composition plan (music_v2):");
        assertThat(structured(result)).containsEntry("song_id", FakeElevenLabs.SONG_ID).containsKey("composition_plan");
        LoggedRequest request = fake.requests("POST", "/v1/music/upload").get(0);
        assertThat(part(request, "extract_composition_plan")).isEqualTo("music_v2");
        assertThat(request.getPart("file").getBody().asBytes()).isEqualTo(FakeElevenLabs.mp3(3));
    }

    @Test
    void uploadMusicForInpaintingCanSkipPlanExtraction() {
        call("upload_music_for_inpainting", Map.of("audio_base64",
                Base64.getEncoder().encodeToString(FakeElevenLabs.mp3(3)), "extract_composition_plan", "none"));

        assertThat(fake.requests("POST", "/v1/music/upload").get(0).getPart("extract_composition_plan")).isNull();
    }

    static byte[] mp4() {
        byte[] mp4 = new byte[32];
        System.arraycopy("ftypisom".getBytes(), 0, mp4, 4, 8);
        return mp4;
    }
}
