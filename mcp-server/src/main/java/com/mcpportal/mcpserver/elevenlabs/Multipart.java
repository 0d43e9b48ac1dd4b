package com.mcpportal.mcpserver.elevenlabs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A {@code multipart/form-data} body: text fields and files, kept as parts to avoid copying audio. */
public final class Multipart {

    private final String boundary = "----mcp-" + UUID.randomUUID().toString().replace("-", "");
    private final List<byte[]> parts = new ArrayList<>();

    /** Adds a text field; null values are left out, as an unset optional parameter. */
    public Multipart field(String name, @Nullable Object value) {
        if (value != null) {
            parts.add(ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name)
                    + "\"\r\n\r\n"));
            parts.add(value.toString().getBytes(StandardCharsets.UTF_8));
            parts.add(ascii("\r\n"));
        }
        return this;
    }

    /** Adds a file part. */
    public Multipart file(String name, String filename, String contentType, byte[] content) {
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name)
                + "\"; filename=\"" + quote(filename) + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add(ascii("\r\n"));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body's byte chunks, closing delimiter included. */
    List<byte[]> chunks() {
        List<byte[]> all = new ArrayList<>(parts);
        all.add(ascii("--" + boundary + "--\r\n"));
        return all;
    }

    private static String quote(String value) {
        // Quotes and line breaks would end the header early.
        return value.replace("\\", "_").replace("\"", "_").replace("\r", "_").replace("\n", "_");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
