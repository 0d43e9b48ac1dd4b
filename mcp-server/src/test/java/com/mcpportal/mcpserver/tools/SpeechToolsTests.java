package com.mcpportal.mcpserver.tools;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mcpportal.mcpserver.elevenlabs.Json;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mcpportal.mcpserver.tools.ToolHarness.audio;
import static com.mcpportal.mcpserver.tools.ToolHarness.decode;
import static com.mcpportal.mcpserver.tools.ToolHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

class SpeechToolsTests extends ToolTestSupport {

    @Test
    void textToSpeechSendsTheOfficialDefaultsAndReturnsMp3AudioContent() {
        McpSchema.CallToolResult result = call("text_to_speech", Map.of("text", "Hello from the portal"));

        assertThat(result.isError()).isFalse();
        assertThat(audio(result)).singleElement().satisfies(audio -> {
            assertThat(audio.mimeType()).isEqualTo("audio/mpeg");
            assertThat(decode(audio)).isEqualTo(FakeElevenLabs.mp3(40));
        });
        assertThat(text(result)).contains("Voice used: " + FakeElevenLabs.DEFAULT_VOICE_ID);
        LoggedRequest request = fake.requests().get(0);
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/v1/text-to-speech/" + FakeElevenLabs.DEFAULT_VOICE_ID
                + "?output_format=mp3_44100_128");
        assertThat(request.getHeader("xi-api-key")).isEqualTo(FakeElevenLabs.API_KEY);
        JsonNode body = Json.parse(request.getBody());
        assertThat(body.path("text").asString()).isEqualTo("Hello from the portal");
        assertThat(body.path("model_id").asString()).isEqualTo("eleven_multilingual_v2");
        JsonNode settings = body.path("voice_settings");
        assertThat(settings.path("stability").asDouble()).isEqualTo(0.5);
        assertThat(settings.path("similarity_boost").asDouble()).isEqualTo(0.75);
        assertThat(settings.path("style").asDouble()).isEqualTo(0.0);
        assertThat(settings.path("use_speaker_boost").asBoolean()).isTrue();
        assertThat(settings.path("speed").asDouble()).isEqualTo(1.0);
    }

    @Test
    void textToSpeechLooksUpAVoiceByNameAndUsesTheChosenFormatAndSettings() {
        McpSchema.CallToolResult result = call("text_to_speech", Map.of("text", "Hallo", "voice_name", "Adam",
                "output_format", "pcm_16000", "stability", 0.9, "speed", 1.1, "language", "hu"));

        assertThat(result.isError()).isFalse();
        assertThat(audio(result).get(0).mimeType()).isEqualTo("audio/L16;rate=16000;channels=1");
        assertThat(text(result)).contains("Voice used: Adam");
        assertThat(fake.requests("GET", "/v2/voices").get(0).queryParameter("search").firstValue()).isEqualTo("Adam");
        LoggedRequest tts = fake.requests("POST", "/v1/text-to-speech/.*").get(0);
        assertThat(tts.getUrl()).isEqualTo("/v1/text-to-speech/" + FakeElevenLabs.ADAM_VOICE_ID
                + "?output_format=pcm_16000");
        JsonNode body = Json.parse(tts.getBody());
        assertThat(body.path("model_id").asString()).isEqualTo("eleven_flash_v2_5");
        assertThat(body.path("voice_settings").path("stability").asDouble()).isEqualTo(0.9);
        assertThat(body.path("voice_settings").path("speed").asDouble()).isEqualTo(1.1);
    }

    @Test
    void textToSpeechWithAVoiceIdChecksTheVoiceAndReportsItsName() {
        McpSchema.CallToolResult result = call("text_to_speech",
                Map.of("text", "Hi", "voice_id", FakeElevenLabs.RACHEL_VOICE_ID, "model_id", "eleven_v3"));

        assertThat(text(result)).contains("Voice used: Rachel");
        assertThat(fake.requests("GET", "/v1/voices/" + FakeElevenLabs.RACHEL_VOICE_ID)).hasSize(1);
        assertThat(Json.parse(fake.requests("POST", "/v1/text-to-speech/.*").get(0).getBody())
                .path("model_id").asString()).isEqualTo("eleven_v3");
    }

    @Test
    void anUnknownVoiceIdComesBackAsElevenLabsOwnError() {
        McpSchema.CallToolResult result = call("text_to_speech", Map.of("text", "Hi", "voice_id", "nope123"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("HTTP 404").contains("voice_not_found");
        assertThat(fake.requests("POST", "/v1/text-to-speech/.*")).isEmpty();
    }

    @Test
    void anUnknownVoiceNameIsAToolError() {
        McpSchema.CallToolResult result = call("text_to_speech", Map.of("text", "Hi", "voice_name", "Zed"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("Voice with name: Zed does not exist.");
    }

    @Test
    void quotaExceededIsReportedWithElevenLabsMessage() {
        fake.quotaExceeded("POST", "/v1/text-to-speech/.*");

        McpSchema.CallToolResult result = call("text_to_speech", Map.of("text", "Hi"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("HTTP 401 quota_exceeded").contains("exceeds your quota");
        assertThat(fake.requests("POST", "/v1/text-to-speech/.*")).hasSize(1);
    }

    @Test
    void invalidTextToSpeechInputIsRefusedBeforeAnyUpstreamCall() {
        List<Map<String, Object>> bad = List.of(
                Map.of("text", ""),
                Map.of("text", "   "),
                Map.of(),
                Map.of("text", 42),
                Map.of("text", "Hi", "stability", 1.5),
                Map.of("text", "Hi", "similarity_boost", -0.1),
                Map.of("text", "Hi", "style", 2),
                Map.of("text", "Hi", "stability", "high"),
                Map.of("text", "Hi", "speed", 3.0),
                Map.of("text", "Hi", "use_speaker_boost", "yes"),
                Map.of("text", "Hi", "output_format", "mp3_1000_8"),
                Map.of("text", "Hi", "voiceId", "abc"),
                Map.of("text", "Hi", "voice_id", FakeElevenLabs.ADAM_VOICE_ID, "voice_name", "Adam"));

        for (Map<String, Object> arguments : bad) {
            McpSchema.CallToolResult result = call("text_to_speech", arguments);
            assertThat(result.isError()).as(arguments.toString()).isTrue();
            assertThat(text(result)).as(arguments.toString()).isNotBlank();
        }
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void validationMessagesNameTheArgumentAndTheRule() {
        assertThat(text(call("text_to_speech", Map.of("text", "Hi", "stability", 1.5))))
                .isEqualTo("Argument 'stability' must be between 0 and 1 (was 1.5).");
        assertThat(text(call("text_to_speech", Map.of("text", "Hi", "output_format", "wav"))))
                .startsWith("Argument 'output_format' must be one of: mp3_22050_32,");
        assertThat(text(call("text_to_speech", Map.of("text", ""))))
                .isEqualTo("Argument 'text' must not be empty.");
        assertThat(text(call("text_to_speech", Map.of("txt", "Hi"))))
                .startsWith("Unknown argument 'txt'. Valid arguments: text, voice_name,");
        assertThat(text(call("text_to_speech", Map.of("text", "Hi", "stability", "high"))))
                .isEqualTo("Argument 'stability' must be a number (was the string 'high').");
    }

    @Test
    void speechToTextUploadsALocalFileWithTheOfficialFieldsAndSavesTheTranscriptAsAResource() throws Exception {
        Files.write(basePath.resolve("meeting.mp3"), FakeElevenLabs.mp3(3));

        McpSchema.CallToolResult result = call("speech_to_text", Map.of("input_file_path", "meeting.mp3"));

        assertThat(result.isError()).isFalse();
        assertThat(result.content()).anySatisfy(content -> {
            assertThat(content).isInstanceOf(McpSchema.EmbeddedResource.class);
            McpSchema.TextResourceContents resource = (McpSchema.TextResourceContents)
                    ((McpSchema.EmbeddedResource) content).resource();
            assertThat(resource.mimeType()).isEqualTo("text/plain");
            assertThat(resource.text()).isEqualTo("Hello world! Hi there.");
            assertThat(resource.uri()).startsWith("elevenlabs://stt_meeti_").endsWith(".txt");
        });
        LoggedRequest request = fake.requests("POST", "/v1/speech-to-text").get(0);
        assertThat(request.queryParameter("enable_logging").firstValue()).isEqualTo("true");
        assertThat(part(request, "model_id")).isEqualTo("scribe_v2");
        assertThat(part(request, "diarize")).isEqualTo("false");
        assertThat(part(request, "tag_audio_events")).isEqualTo("true");
        assertThat(request.getPart("language_code")).isNull();
        assertThat(request.getPart("file").getBody().asBytes()).isEqualTo(FakeElevenLabs.mp3(3));
        assertThat(request.getPart("file").getHeader("Content-Type").firstValue()).isEqualTo("audio/mpeg");
    }

    @Test
    void speechToTextWithDiarizationLabelsSpeakersAndCanAnswerDirectly() {
        McpSchema.CallToolResult result = call("speech_to_text", Map.of(
                "audio_base64", Base64.getEncoder().encodeToString(FakeElevenLabs.mp3(2)), "diarize", true,
                "language_code", "eng", "return_transcript_to_client_directly", true));

        assertThat(text(result)).isEqualTo("SPEAKER 0: Hello world!\n\nSPEAKER 1: Hi there.");
        LoggedRequest request = fake.requests("POST", "/v1/speech-to-text").get(0);
        assertThat(part(request, "diarize")).isEqualTo("true");
        assertThat(part(request, "language_code")).isEqualTo("eng");
        assertThat(request.getPart("file").getHeader("Content-Disposition").firstValue())
                .contains("filename=\"audio.mp3\"");
    }

    @Test
    void speechToTextDownloadsAnHttpsAudioUrl() {
        audioHost.serve("/clips/interview.mp3", "audio/mpeg", FakeElevenLabs.mp3(4));

        McpSchema.CallToolResult result = call("speech_to_text", Map.of(
                "audio_url", audioHost.url("/clips/interview.mp3"), "return_transcript_to_client_directly", true));

        assertThat(result.isError()).isFalse();
        LoggedRequest request = fake.requests("POST", "/v1/speech-to-text").get(0);
        assertThat(request.getPart("file").getBody().asBytes()).isEqualTo(FakeElevenLabs.mp3(4));
        assertThat(request.getPart("file").getHeader("Content-Disposition").firstValue())
                .contains("filename=\"interview.mp3\"");
    }

    @Test
    void speechToTextRefusesBadInputWithoutCallingElevenLabs() throws Exception {
        Files.writeString(basePath.resolve("notes.txt"), "not audio");
        List<Map<String, Object>> bad = List.of(
                Map.of(),
                Map.of("input_file_path", "missing.mp3"),
                Map.of("input_file_path", "notes.txt"),
                Map.of("input_file_path", "../../etc/passwd.mp3"),
                Map.of("input_file_path", "/etc/hosts"),
                Map.of("audio_base64", "***not base64***"),
                Map.of("audio_url", "http://example.com/a.mp3"),
                Map.of("audio_url", "https://private.test/a.mp3"),
                Map.of("audio_url", "https://metadata.test/latest/meta-data/"),
                Map.of("audio_url", "https://127.0.0.2/a.mp3"),
                Map.of("input_file_path", "notes.txt", "audio_url", "https://audio.test/a.mp3"),
                Map.of("audio_base64", "AAAA", "save_transcript_to_file", false));

        for (Map<String, Object> arguments : bad) {
            McpSchema.CallToolResult result = call("speech_to_text", arguments);
            assertThat(result.isError()).as(arguments.toString()).isTrue();
        }
        assertThat(fake.requests()).isEmpty();
        assertThat(text(call("speech_to_text", Map.of("audio_url", "https://metadata.test/x"))))
                .contains("metadata.test has no public address").doesNotContain("169.254", "link-local");
        assertThat(text(call("speech_to_text", Map.of("input_file_path", "../outside.mp3"))))
                .contains("must be inside ELEVENLABS_MCP_BASE_PATH");
    }

    @Test
    void speechToSpeechFindsTheVoiceAndSendsTheOfficialModel() {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("audio_base64", "data:audio/mpeg;base64," + Base64.getEncoder().encodeToString(FakeElevenLabs.mp3(2)));

        McpSchema.CallToolResult result = call("speech_to_speech", arguments);

        assertThat(result.isError()).isFalse();
        assertThat(audio(result)).hasSize(1);
        assertThat(text(result)).contains("Voice used: Adam");
        LoggedRequest request = fake.requests("POST", "/v1/speech-to-speech/.*").get(0);
        assertThat(request.getUrl()).isEqualTo("/v1/speech-to-speech/" + FakeElevenLabs.ADAM_VOICE_ID);
        assertThat(part(request, "model_id")).isEqualTo("eleven_multilingual_sts_v2");
        assertThat(request.getPart("audio").getBody().asBytes()).isEqualTo(FakeElevenLabs.mp3(2));
    }

    @Test
    void speechToSpeechWithAnUnknownVoiceNameFails() {
        McpSchema.CallToolResult result = call("speech_to_speech", Map.of("voice_name", "Nobody",
                "audio_base64", Base64.getEncoder().encodeToString(FakeElevenLabs.mp3(1))));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("Voice with name: Nobody does not exist.");
        assertThat(fake.requests("POST", "/v1/speech-to-speech/.*")).isEmpty();
    }
}
