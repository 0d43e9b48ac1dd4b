package com.mcpportal.mcpserver.tools;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a piece of audio is: its MIME type and the file extension it is saved with. */
record AudioFormat(String mimeType, String extension) {

    static final String DEFAULT_OUTPUT_FORMAT = "mp3_44100_128";

    /** Every {@code output_format} ElevenLabs documents, as {@code codec_samplerate[_bitrate]}. */
    static final List<String> OUTPUT_FORMATS = List.of(
            "mp3_22050_32", "mp3_44100_32", "mp3_44100_64", "mp3_44100_96", "mp3_44100_128", "mp3_44100_192",
            "pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_44100", "pcm_48000",
            "ulaw_8000", "alaw_8000",
            "opus_48000_32", "opus_48000_64", "opus_48000_96", "opus_48000_128", "opus_48000_192");

    static final AudioFormat MP3 = new AudioFormat("audio/mpeg", "mp3");

    private static final List<String> AUDIO_VIDEO_EXTENSIONS = List.of(
            "wav", "mp3", "m4a", "aac", "ogg", "flac", "opus", "webm", "mp4", "avi", "mov", "wmv");

    /** The format ElevenLabs answers with for an {@code output_format}. */
    static AudioFormat ofOutputFormat(String outputFormat) {
        String codec = outputFormat.substring(0, outputFormat.indexOf('_'));
        String rate = outputFormat.split("_")[1];
        return switch (codec) {
            case "mp3" -> MP3;
            // Raw 16-bit little-endian mono samples; RFC 2586 names them audio/L16 with the rate.
            case "pcm" -> new AudioFormat("audio/L16;rate=" + rate + ";channels=1", "pcm");
            case "ulaw" -> new AudioFormat("audio/basic", "ulaw");
            case "alaw" -> new AudioFormat("audio/x-alaw-basic", "alaw");
            case "opus" -> new AudioFormat("audio/ogg", "opus");
            default -> throw new IllegalArgumentException("unknown output format " + outputFormat);
        };
    }

    /** The format of an upstream answer from its Content-Type, or MP3 (ElevenLabs' default). */
    static AudioFormat ofContentType(@Nullable String contentType) {
        return switch (contentType == null ? "" : contentType.toLowerCase(Locale.ROOT)) {
            case "audio/wav", "audio/x-wav", "audio/wave" -> new AudioFormat("audio/wav", "wav");
            case "audio/ogg", "audio/opus" -> new AudioFormat("audio/ogg", "ogg");
            case "audio/flac" -> new AudioFormat("audio/flac", "flac");
            case "audio/mp4", "audio/x-m4a" -> new AudioFormat("audio/mp4", "m4a");
            case "audio/aac" -> new AudioFormat("audio/aac", "aac");
            case "audio/webm" -> new AudioFormat("audio/webm", "webm");
            case "video/mp4" -> new AudioFormat("video/mp4", "mp4");
            case "video/quicktime" -> new AudioFormat("video/quicktime", "mov");
            case "video/webm" -> new AudioFormat("video/webm", "webm");
            default -> MP3;
        };
    }

    /** The format of a file from its name, as the official server checks input files. */
    static AudioFormat ofFileName(String fileName) {
        String extension = extension(fileName);
        return switch (extension) {
            case "mp3" -> MP3;
            case "wav" -> new AudioFormat("audio/wav", "wav");
            case "m4a" -> new AudioFormat("audio/mp4", "m4a");
            case "aac" -> new AudioFormat("audio/aac", "aac");
            case "ogg", "opus" -> new AudioFormat("audio/ogg", extension);
            case "flac" -> new AudioFormat("audio/flac", "flac");
            case "webm" -> new AudioFormat("audio/webm", "webm");
            case "mp4" -> new AudioFormat("video/mp4", "mp4");
            case "avi" -> new AudioFormat("video/x-msvideo", "avi");
            case "mov" -> new AudioFormat("video/quicktime", "mov");
            case "wmv" -> new AudioFormat("video/x-ms-wmv", "wmv");
            default -> new AudioFormat("application/octet-stream", extension.isEmpty() ? "bin" : extension);
        };
    }

    /** Recognises common audio and video containers from their first bytes; null when unknown. */
    static @Nullable AudioFormat sniff(byte[] data) {
        if (starts(data, 0, "ID3") || data.length > 1 && (data[0] & 0xff) == 0xff && (data[1] & 0xe0) == 0xe0) {
            return MP3;
        }
        if (starts(data, 0, "RIFF") && starts(data, 8, "WAVE")) {
            return new AudioFormat("audio/wav", "wav");
        }
        if (starts(data, 0, "OggS")) {
            return new AudioFormat("audio/ogg", "ogg");
        }
        if (starts(data, 0, "fLaC")) {
            return new AudioFormat("audio/flac", "flac");
        }
        if (starts(data, 4, "ftyp")) {
            return starts(data, 8, "M4A") ? new AudioFormat("audio/mp4", "m4a") : new AudioFormat("video/mp4", "mp4");
        }
        if (data.length > 3 && (data[0] & 0xff) == 0x1a && (data[1] & 0xff) == 0x45
                && (data[2] & 0xff) == 0xdf && (data[3] & 0xff) == 0xa3) {
            return new AudioFormat("video/webm", "webm");
        }
        return null;
    }

    static boolean isAudioOrVideoFile(String fileName) {
        return AUDIO_VIDEO_EXTENSIONS.contains(extension(fileName));
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean starts(byte[] data, int offset, String ascii) {
        if (data.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (data[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
