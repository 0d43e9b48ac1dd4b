package com.mcpportal.mcpserver.tools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Splits a {@code multipart/mixed} answer (music with details: JSON metadata, then audio) into parts. */
final class MultipartMixed {

    record Part(Map<String, String> headers, byte[] body) {

        String contentType() {
            return headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        }
    }

    private MultipartMixed() {
    }

    static List<Part> parse(@Nullable String contentTypeHeader, byte[] body) {
        String boundary = boundary(contentTypeHeader);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start = skipLineBreak(body, start);
            int next = indexOf(body, delimiter, start);
            int end = next < 0 ? body.length : next;
            parts.add(part(Arrays.copyOfRange(body, start, trimLineBreak(body, start, end))));
            at = next;
        }
        return parts;
    }

    private static Part part(byte[] raw) {
        int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        int gap = 4;
        if (split < 0) {
            split = indexOf(raw, "\n\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            gap = 2;
        }
        if (split < 0) {
            return new Part(Map.of(), raw);
        }
        Map<String, String> headers = new HashMap<>();
        for (String line : new String(raw, 0, split, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return new Part(headers, Arrays.copyOfRange(raw, split + gap, raw.length));
    }

    private static String boundary(@Nullable String contentType) {
        if (contentType == null) {
            throw new IllegalArgumentException("multipart answer without a boundary");
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = p.substring("boundary=".length());
                return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        throw new IllegalArgumentException("multipart answer without a boundary");
    }

    private static int skipLineBreak(byte[] body, int at) {
        if (at < body.length && body[at] == '\r') {
            at++;
        }
        return at < body.length && body[at] == '\n' ? at + 1 : at;
    }

    private static int trimLineBreak(byte[] body, int start, int end) {
        if (end > start && body[end - 1] == '\n') {
            end--;
        }
        return end > start && body[end - 1] == '\r' ? end - 1 : end;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
