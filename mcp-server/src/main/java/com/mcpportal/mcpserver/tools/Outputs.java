package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings.OutputMode;
import io.modelcontextprotocol.spec.McpSchema;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Hands generated audio and text back as {@code ELEVENLABS_MCP_OUTPUT_MODE} says: in-band MCP
 * content ({@code resources}), a file in the base path named in the answer ({@code files}, as
 * the official server does), or both.
 */
final class Outputs {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final OutputMode mode;
    private final Workspace workspace;

    Outputs(OutputMode mode, Workspace workspace) {
        this.mode = mode;
        this.workspace = workspace;
    }

    /** One generated clip: its bytes, format and the file name it gets when saved. */
    record Clip(byte[] data, AudioFormat format, String fileName) {
    }

    /** A file name like the official server's: {@code tts_Hello_20250403_164949.mp3}. */
    static String fileName(String prefix, @Nullable String hint, String extension) {
        String safe = hint == null ? "" : hint.replaceAll("[^A-Za-z0-9_-]", "_");
        return prefix + (safe.isEmpty() ? "" : "_" + safe) + "_" + LocalDateTime.now().format(STAMP) + "."
                + extension;
    }

    /** For tool descriptions: where the output goes. */
    String describe() {
        return switch (mode) {
            case RESOURCES -> "Returns the audio in the result as MCP audio content (base64 with its MIME type)";
            case FILES -> "Saves the output file in the server's output directory and returns its path";
            case BOTH -> "Saves the output file in the server's output directory AND returns the audio in the "
                    + "result as MCP audio content";
        };
    }

    /** For tool descriptions: where a text document (a transcript) goes. */
    String describeText() {
        return switch (mode) {
            case RESOURCES -> "returns the transcript as an embedded text resource";
            case FILES -> "saves the transcript as a text file in the server's output directory and returns its path";
            case BOTH -> "saves the transcript as a text file AND returns it as an embedded text resource";
        };
    }

    /** One clip; {@code note} adds facts the model should know (e.g. the voice used). */
    McpSchema.CallToolResult audio(Clip clip, @Nullable String outputDirectory, @Nullable String note) {
        return audios(List.of(clip), outputDirectory, note);
    }

    /** Several clips (voice previews); in files mode one line lists every saved path. */
    McpSchema.CallToolResult audios(List<Clip> clips, @Nullable String outputDirectory, @Nullable String note) {
        List<String> saved = new ArrayList<>();
        if (mode != OutputMode.RESOURCES) {
            Path directory = workspace.outputDirectory(outputDirectory);
            clips.forEach(clip -> saved.add(workspace.write(directory, clip.fileName(), clip.data()).toString()));
        }
        List<McpSchema.Content> contents = new ArrayList<>();
        contents.add(new McpSchema.TextContent(summary(clips, saved, note)));
        if (mode != OutputMode.FILES) {
            for (Clip clip : clips) {
                contents.add(new McpSchema.AudioContent(null, Base64.getEncoder().encodeToString(clip.data()),
                        clip.format().mimeType()));
            }
        }
        return Results.contents(contents);
    }

    /** A text document (a transcript): an embedded text resource, a file, or both. */
    McpSchema.CallToolResult textFile(String fileName, String text, @Nullable String outputDirectory,
            @Nullable String note) {
        List<McpSchema.Content> contents = new ArrayList<>();
        String path = null;
        if (mode != OutputMode.RESOURCES) {
            Path directory = workspace.outputDirectory(outputDirectory);
            path = workspace.write(directory, fileName, text.getBytes(StandardCharsets.UTF_8)).toString();
            contents.add(new McpSchema.TextContent(note == null ? "Success. File saved as: " + path
                    : note + " File saved as: " + path));
        }
        if (mode != OutputMode.FILES) {
            if (path == null && note != null) {
                contents.add(new McpSchema.TextContent(note));
            }
            contents.add(new McpSchema.EmbeddedResource(null, new McpSchema.TextResourceContents(
                    "elevenlabs://" + fileName, "text/plain", text)));
        }
        return Results.contents(contents);
    }

    private String summary(List<Clip> clips, List<String> saved, @Nullable String note) {
        StringBuilder text = new StringBuilder("Success. ");
        if (saved.size() == 1) {
            text.append("File saved as: ").append(saved.get(0)).append(". ");
        } else if (!saved.isEmpty()) {
            text.append("Files saved at: ").append(String.join(", ", saved)).append(". ");
        }
        if (mode != OutputMode.FILES) {
            for (Clip clip : clips) {
                text.append(String.format(Locale.ROOT, "Audio %s (%s, %.1f kB) is attached. ", clip.fileName(),
                        clip.format().mimeType(), clip.data().length / 1024.0));
            }
        }
        if (note != null) {
            text.append(note);
        }
        return text.toString().strip();
    }
}
