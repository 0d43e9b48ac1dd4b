package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings.OutputMode;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.mcpportal.mcpserver.tools.ToolHarness.audio;
import static com.mcpportal.mcpserver.tools.ToolHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

class OutputModesTests extends ToolTestSupport {

    private static final Pattern SAVED = Pattern.compile("File saved as: (\\S+?)\\.?(\\s|$)");

    @Test
    void filesModeSavesIntoTheBasePathAndAnswersWithThePathLikeTheOfficialServer() throws Exception {
        ToolHarness files = new ToolHarness(fake, basePath, OutputMode.FILES);

        McpSchema.CallToolResult result = files.call("text_to_speech", Map.of("text", "Hello world"));

        assertThat(audio(result)).isEmpty();
        assertThat(text(result)).startsWith("Success. File saved as: " + basePath)
                .endsWith("Voice used: " + FakeElevenLabs.DEFAULT_VOICE_ID + ".");
        Path saved = savedPath(result);
        assertThat(saved.getFileName().toString()).matches("tts_Hello_\\d{8}_\\d{6}\\.mp3");
        assertThat(Files.readAllBytes(saved)).isEqualTo(FakeElevenLabs.mp3(40));
    }

    @Test
    void filesModeHonoursAnOutputDirectoryInsideTheBasePathOnly() throws Exception {
        ToolHarness files = new ToolHarness(fake, basePath, OutputMode.FILES);

        McpSchema.CallToolResult inside = files.call("text_to_sound_effects", Map.of("text", "rain",
                "output_directory", "effects/weather", "output_format", "pcm_22050"));
        McpSchema.CallToolResult outside = files.call("text_to_sound_effects", Map.of("text", "rain",
                "output_directory", "/tmp"));

        assertThat(savedPath(inside).getParent()).isEqualTo(basePath.resolve("effects/weather"));
        assertThat(savedPath(inside).toString()).endsWith(".pcm");
        assertThat(outside.isError()).isTrue();
        assertThat(text(outside)).contains("must be inside ELEVENLABS_MCP_BASE_PATH");
    }

    @Test
    void bothModeSavesTheFileAndReturnsTheAudio() throws Exception {
        ToolHarness both = new ToolHarness(fake, basePath, OutputMode.BOTH);

        McpSchema.CallToolResult result = both.call("text_to_speech", Map.of("text", "Hi"));

        assertThat(audio(result)).hasSize(1);
        assertThat(Files.readAllBytes(savedPath(result))).isEqualTo(FakeElevenLabs.mp3(40));
    }

    @Test
    void filesModeListsEveryVoicePreview() {
        ToolHarness files = new ToolHarness(fake, basePath, OutputMode.FILES);

        McpSchema.CallToolResult result = files.call("text_to_voice", Map.of("voice_description", "bright"));

        assertThat(text(result)).startsWith("Success. Files saved at: ")
                .contains("voice_design_gen_voice_0001_").contains("voice_design_gen_voice_0003_")
                .contains("Generated voice IDs are: gen_voice_0001, gen_voice_0002, gen_voice_0003");
        assertThat(basePath.toFile().list()).hasSize(3);
    }

    @Test
    void filesModeSavesTranscriptsAsTextFiles() throws Exception {
        ToolHarness files = new ToolHarness(fake, basePath, OutputMode.FILES);
        Files.write(basePath.resolve("talk.mp3"), FakeElevenLabs.mp3(1));

        McpSchema.CallToolResult result = files.call("speech_to_text", Map.of("input_file_path", "talk.mp3"));

        assertThat(Files.readString(savedPath(result))).isEqualTo("Hello world! Hi there.");
    }

    @Test
    void twoFilesInTheSameSecondDoNotOverwriteEachOther() {
        ToolHarness files = new ToolHarness(fake, basePath, OutputMode.FILES);

        Path first = savedPath(files.call("text_to_speech", Map.of("text", "Same")));
        Path second = savedPath(files.call("text_to_speech", Map.of("text", "Same")));

        assertThat(first).isNotEqualTo(second);
        assertThat(first).exists();
        assertThat(second).exists();
    }

    private static Path savedPath(McpSchema.CallToolResult result) {
        Matcher matcher = SAVED.matcher(text(result));
        assertThat(matcher.find()).as(text(result)).isTrue();
        return Path.of(matcher.group(1));
    }
}
