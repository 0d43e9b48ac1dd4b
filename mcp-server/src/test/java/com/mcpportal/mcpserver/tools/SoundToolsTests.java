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
import static com.mcpportal.mcpserver.tools.ToolHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

class SoundToolsTests extends ToolTestSupport {

    @Test
    void soundEffectsSendDurationLoopAndFormat() {
        McpSchema.CallToolResult result = call("text_to_sound_effects", Map.of("text", "door creaking open",
                "duration_seconds", 3.5, "loop", true, "output_format", "opus_48000_64"));

        assertThat(result.isError()).isFalse();
        assertThat(audio(result)).singleElement().satisfies(a -> assertThat(a.mimeType()).isEqualTo("audio/ogg"));
        LoggedRequest request = fake.requests("POST", "/v1/sound-generation").get(0);
        assertThat(request.queryParameter("output_format").firstValue()).isEqualTo("opus_48000_64");
        JsonNode body = Json.parse(request.getBody());
        assertThat(body.path("text").asString()).isEqualTo("door creaking open");
        assertThat(body.path("duration_seconds").asDouble()).isEqualTo(3.5);
        assertThat(body.path("loop").asBoolean()).isTrue();
    }

    @Test
    void soundEffectsDefaultToTwoSecondsMp3WithoutLoop() {
        call("text_to_sound_effects", Map.of("text", "rain"));

        LoggedRequest request = fake.requests("POST", "/v1/sound-generation").get(0);
        assertThat(request.queryParameter("output_format").firstValue()).isEqualTo("mp3_44100_128");
        JsonNode body = Json.parse(request.getBody());
        assertThat(body.path("duration_seconds").asDouble()).isEqualTo(2.0);
        assertThat(body.path("loop").asBoolean()).isFalse();
    }

    @Test
    void soundEffectDurationsOutsideHalfASecondToFiveSecondsAreRefused() {
        for (double duration : new double[] {0.4, 5.01, -1, 60}) {
            McpSchema.CallToolResult result = call("text_to_sound_effects",
                    Map.of("text", "boom", "duration_seconds", duration));
            assertThat(result.isError()).isTrue();
            assertThat(text(result)).startsWith("Argument 'duration_seconds' must be between 0.5 and 5");
        }
        assertThat(call("text_to_sound_effects", Map.of("text", "boom", "duration_seconds", 0.5)).isError()).isFalse();
        assertThat(call("text_to_sound_effects", Map.of("text", "boom", "duration_seconds", 5)).isError()).isFalse();
        assertThat(fake.requests("POST", "/v1/sound-generation")).hasSize(2);
    }

    @Test
    void soundEffectsServerErrorIsRetriedThenSucceeds() {
        fake.serverErrorOnce("POST", "/v1/sound-generation", 503);

        McpSchema.CallToolResult result = call("text_to_sound_effects", Map.of("text", "rain"));

        assertThat(result.isError()).isFalse();
        assertThat(fake.requests("POST", "/v1/sound-generation")).hasSize(2);
        assertThat(harness.sleeps).hasSize(1);
    }

    @Test
    void isolateAudioUploadsTheFileAsAudio() throws Exception {
        Files.write(basePath.resolve("noisy.wav"), wav());

        McpSchema.CallToolResult result = call("isolate_audio", Map.of("input_file_path", "noisy.wav"));

        assertThat(result.isError()).isFalse();
        assertThat(decode(audio(result).get(0))).isEqualTo(FakeElevenLabs.mp3(30));
        LoggedRequest request = fake.requests("POST", "/v1/audio-isolation").get(0);
        assertThat(request.getPart("audio").getBody().asBytes()).isEqualTo(wav());
        assertThat(request.getPart("audio").getHeader("Content-Type").firstValue()).isEqualTo("audio/wav");
        assertThat(request.getPart("audio").getHeader("Content-Disposition").firstValue())
                .contains("filename=\"noisy.wav\"");
    }

    @Test
    void isolateAudioRefusesSymlinksThatLeaveTheBasePath() throws Exception {
        java.nio.file.Path outside = Files.createTempFile("outside", ".mp3");
        Files.write(outside, FakeElevenLabs.mp3(1));
        Files.createSymbolicLink(basePath.resolve("link.mp3"), outside);

        McpSchema.CallToolResult result = call("isolate_audio", Map.of("input_file_path", "link.mp3"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("leads outside it through a symbolic link");
        assertThat(fake.requests()).isEmpty();
        Files.delete(outside);
    }

    @Test
    void isolateAudioReportsElevenLabsErrors() {
        fake.failWith("POST", "/v1/audio-isolation", 400, "invalid_audio", "The audio file is corrupted.");

        McpSchema.CallToolResult result = call("isolate_audio",
                Map.of("audio_base64", Base64.getEncoder().encodeToString(FakeElevenLabs.mp3(1))));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("ElevenLabs API error (HTTP 400 invalid_audio): The audio file is corrupted.");
    }

    @Test
    void playAudioReturnsTheAudioToTheClientWithoutCallingElevenLabs() throws Exception {
        Files.write(basePath.resolve("song.mp3"), FakeElevenLabs.mp3(2));

        McpSchema.CallToolResult result = call("play_audio", Map.of("input_file_path", basePath.resolve("song.mp3")
                .toString()));

        assertThat(result.isError()).isFalse();
        assertThat(text(result)).contains("cannot play sound");
        assertThat(audio(result)).singleElement().satisfies(a -> {
            assertThat(a.mimeType()).isEqualTo("audio/mpeg");
            assertThat(decode(a)).isEqualTo(FakeElevenLabs.mp3(2));
        });
        assertThat(fake.requests()).isEmpty();
        assertThat(harness.tool("play_audio").tool().description()).contains("cannot play sound itself");
    }

    @Test
    void playAudioFetchesAnAudioUrlAndKeepsItsWavType() {
        audioHost.serve("/bell.wav", "audio/wav", wav());

        McpSchema.CallToolResult result = call("play_audio", Map.of("audio_url", audioHost.url("/bell.wav")));

        assertThat(result.isError()).as(text(result)).isFalse();
        assertThat(audio(result)).singleElement().satisfies(a -> assertThat(a.mimeType()).isEqualTo("audio/wav"));
    }

    @Test
    void audioUrlsLargerThanTheCapAreRefused() {
        audioHost.serve("/huge.mp3", "audio/mpeg", new byte[(int) ToolHarness.MAX_INPUT_BYTES + 1]);

        McpSchema.CallToolResult result = call("play_audio", Map.of("audio_url", audioHost.url("/huge.mp3")));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("larger than");
    }

    @Test
    void inputChoicesAreExclusive() {
        for (Map<String, Object> arguments : List.<Map<String, Object>>of(Map.of(),
                Map.of("input_file_path", "a.mp3", "audio_base64", "AAAA"))) {
            McpSchema.CallToolResult result = call("isolate_audio", arguments);
            assertThat(result.isError()).isTrue();
            assertThat(text(result)).contains("'input_file_path', 'audio_base64' or 'audio_url'");
        }
    }

    @Test
    void base64InputIsDecodedStrictly() {
        McpSchema.CallToolResult garbage = call("play_audio", Map.of("audio_base64", "SUQz*BAAA!AAA"));
        McpSchema.CallToolResult wrapped = call("play_audio", Map.of("audio_base64",
                Base64.getMimeEncoder().encodeToString(FakeElevenLabs.mp3(2))));

        assertThat(garbage.isError()).isTrue();
        assertThat(text(garbage)).isEqualTo("'audio_base64' is not valid base64.");
        assertThat(decode(audio(wrapped).get(0))).isEqualTo(FakeElevenLabs.mp3(2));
    }

    static byte[] wav() {
        byte[] wav = new byte[64];
        System.arraycopy("RIFF".getBytes(), 0, wav, 0, 4);
        System.arraycopy("WAVEfmt ".getBytes(), 0, wav, 8, 8);
        return wav;
    }
}
