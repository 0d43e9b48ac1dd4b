package com.mcpportal.mcpserver.tools;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mcpportal.mcpserver.elevenlabs.Json;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.mcpportal.mcpserver.tools.ToolHarness.audio;
import static com.mcpportal.mcpserver.tools.ToolHarness.structured;
import static com.mcpportal.mcpserver.tools.ToolHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

class VoiceToolsTests extends ToolTestSupport {

    @Test
    void searchVoicesSendsSearchAndSortAndReturnsStructuredVoices() {
        McpSchema.CallToolResult result = call("search_voices", Map.of("search", "a", "sort", "created_at_unix",
                "sort_direction", "asc"));

        LoggedRequest request = fake.requests("GET", "/v2/voices").get(0);
        assertThat(request.queryParameter("search").firstValue()).isEqualTo("a");
        assertThat(request.queryParameter("sort").firstValue()).isEqualTo("created_at_unix");
        assertThat(request.queryParameter("sort_direction").firstValue()).isEqualTo("asc");
        assertThat(structured(result).get("voices")).asList().hasSize(3).first()
                .isEqualTo(Map.of("id", FakeElevenLabs.DEFAULT_VOICE_ID, "name", "Jessica", "category", "premade"));
        assertThat(text(result)).contains("Adam (ID: " + FakeElevenLabs.ADAM_VOICE_ID + ", category: premade)");
    }

    @Test
    void searchVoicesDefaultsToNameDescending() {
        call("search_voices", Map.of());

        LoggedRequest request = fake.requests("GET", "/v2/voices").get(0);
        assertThat(request.getUrl()).isEqualTo("/v2/voices?sort=name&sort_direction=desc");
    }

    @Test
    void searchVoicesRefusesAnUnknownSortField() {
        McpSchema.CallToolResult result = call("search_voices", Map.of("sort", "popularity"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("Argument 'sort' must be one of: created_at_unix, name (was 'popularity').");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void getVoiceReturnsFineTuningStatus() {
        McpSchema.CallToolResult result = call("get_voice", Map.of("voice_id", FakeElevenLabs.DEFAULT_VOICE_ID));

        assertThat(structured(result)).containsEntry("name", "Jessica").containsEntry("category", "premade")
                .containsEntry("fine_tuning_status", Map.of("eleven_multilingual_v2", "fine_tuned"));
    }

    @Test
    void getVoiceOfAnUnknownIdIsVoiceNotFound() {
        McpSchema.CallToolResult result = call("get_voice", Map.of("voice_id", "unknown0000"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).startsWith("ElevenLabs API error (HTTP 404 voice_not_found)");
    }

    @Test
    void voiceIdsAreEncodedIntoThePath() {
        call("get_voice", Map.of("voice_id", "../v1/user/subscription"));

        assertThat(fake.requests().get(0).getUrl()).isEqualTo("/v1/voices/..%2Fv1%2Fuser%2Fsubscription");
    }

    @Test
    void voiceCloneUploadsEverySampleFromEverySource() throws Exception {
        Files.write(basePath.resolve("sample1.mp3"), FakeElevenLabs.mp3(1));
        audioHost.serve("/sample3.mp3", "audio/mpeg", FakeElevenLabs.mp3(3));

        McpSchema.CallToolResult result = call("voice_clone", Map.of("name", "My voice",
                "description", "warm and friendly", "files", List.of("sample1.mp3"),
                "audio_base64", List.of(Base64.getEncoder().encodeToString(FakeElevenLabs.mp3(2))),
                "audio_urls", List.of(audioHost.url("/sample3.mp3"))));

        assertThat(result.isError()).isFalse();
        assertThat(text(result)).contains("Voice cloned successfully: Name: My voice").contains("ID: cloned_voice_0001")
                .contains("Description: warm and friendly");
        LoggedRequest request = fake.requests("POST", "/v1/voices/add").get(0);
        assertThat(part(request, "name")).isEqualTo("My voice");
        assertThat(part(request, "description")).isEqualTo("warm and friendly");
        assertThat(request.getParts()).filteredOn(p -> p.getName().equals("files"))
                .extracting(p -> p.getBody().asBytes().length)
                .containsExactly(FakeElevenLabs.mp3(1).length, FakeElevenLabs.mp3(2).length, FakeElevenLabs.mp3(3).length);
    }

    @Test
    void voiceCloneNeedsAtLeastOneSample() {
        McpSchema.CallToolResult result = call("voice_clone", Map.of("name", "My voice"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("Provide between 1 and 25 files");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void voiceCloneIsNotRepeatedAfterAServerError() {
        fake.serverErrorOnce("POST", "/v1/voices/add", 500);

        McpSchema.CallToolResult result = call("voice_clone", Map.of("name", "Once",
                "audio_base64", List.of(Base64.getEncoder().encodeToString(FakeElevenLabs.mp3(1)))));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("HTTP 500 internal_error");
        assertThat(fake.requests("POST", "/v1/voices/add")).hasSize(1);
    }

    @Test
    void searchVoiceLibraryPagesThroughSharedVoices() {
        McpSchema.CallToolResult result = call("search_voice_library", Map.of("page", 2, "page_size", 5,
                "search", "narrator"));

        LoggedRequest request = fake.requests("GET", "/v1/shared-voices").get(0);
        assertThat(request.getUrl()).isEqualTo("/v1/shared-voices?page=2&page_size=5&search=narrator");
        assertThat(text(result)).startsWith("Shared Voices:").contains("Name: Brian - Deep Narrator")
                .contains("Languages: en (british)").contains("Gender: male").doesNotContain("Accent: \n");
        assertThat(structured(result)).containsEntry("has_more", true);
        assertThat(structured(result).get("voices")).asList().hasSize(2);
    }

    @Test
    void searchVoiceLibraryDefaultsAndBounds() {
        call("search_voice_library", Map.of());
        assertThat(fake.requests().get(0).getUrl()).isEqualTo("/v1/shared-voices?page=0&page_size=10");

        assertThat(call("search_voice_library", Map.of("page_size", 101)).isError()).isTrue();
        assertThat(call("search_voice_library", Map.of("page", 1.5)).isError()).isTrue();
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void textToVoiceReturnsThreePreviewsAndTheirIds() {
        McpSchema.CallToolResult result = call("text_to_voice", Map.of("voice_description", "a calm deep voice"));

        assertThat(audio(result)).hasSize(3).allSatisfy(a -> assertThat(a.mimeType()).isEqualTo("audio/mpeg"));
        assertThat(text(result)).contains("Generated voice IDs are: gen_voice_0001, gen_voice_0002, gen_voice_0003");
        var body = Json.parse(fake.requests("POST", "/v1/text-to-voice/create-previews").get(0).getBody());
        assertThat(body.path("voice_description").asString()).isEqualTo("a calm deep voice");
        assertThat(body.path("auto_generate_text").asBoolean()).isTrue();
        assertThat(body.has("text")).isFalse();
    }

    @Test
    void textToVoiceWithTextDoesNotAutoGenerate() {
        call("text_to_voice", Map.of("voice_description", "a calm voice", "text", "Read this sentence please."));

        var body = Json.parse(fake.requests("POST", "/v1/text-to-voice/create-previews").get(0).getBody());
        assertThat(body.path("auto_generate_text").asBoolean()).isFalse();
        assertThat(body.path("text").asString()).isEqualTo("Read this sentence please.");
    }

    @Test
    void createVoiceFromPreviewSavesTheGeneratedVoice() {
        McpSchema.CallToolResult result = call("create_voice_from_preview", Map.of("generated_voice_id",
                "gen_voice_0002", "voice_name", "Calm", "voice_description", "a calm deep voice"));

        assertThat(text(result)).isEqualTo("Success. Voice created: Designed voice with ID:designed_voice_0001");
        var body = Json.parse(fake.requests("POST", "/v1/text-to-voice").get(0).getBody());
        assertThat(body.path("generated_voice_id").asString()).isEqualTo("gen_voice_0002");
        assertThat(body.path("voice_name").asString()).isEqualTo("Calm");
        assertThat(body.path("voice_description").asString()).isEqualTo("a calm deep voice");
    }

    @Test
    void createVoiceFromPreviewNeedsAllThreeArguments() {
        McpSchema.CallToolResult result = call("create_voice_from_preview", Map.of("generated_voice_id", "gen"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).startsWith("Missing required argument 'voice_name'");
    }
}
