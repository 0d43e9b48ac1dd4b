package com.mcpportal.mcpserver.elevenlabs;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One call to the ElevenLabs API. Requests are retried after 429 always, and after 5xx or a
 * broken connection only when {@link #retriesOnServerError()}: creating an agent or placing a
 * call twice would be worse than failing once.
 */
public final class ApiRequest {

    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private @Nullable JsonNode json;
    private @Nullable Multipart multipart;
    private boolean retriesOnServerError;

    private ApiRequest(String method, String path, boolean retriesOnServerError) {
        this.method = method;
        this.path = path;
        this.retriesOnServerError = retriesOnServerError;
    }

    public static ApiRequest get(String path, Object... segments) {
        return new ApiRequest("GET", expand(path, segments), true);
    }

    /** A POST that only produces something (audio, a transcript, a plan): safe to repeat. */
    public static ApiRequest post(String path, Object... segments) {
        return new ApiRequest("POST", expand(path, segments), true);
    }

    /** A POST that creates or triggers something (agent, voice, phone call): not repeated after a 5xx. */
    public static ApiRequest create(String path, Object... segments) {
        return new ApiRequest("POST", expand(path, segments), false);
    }

    public static ApiRequest patch(String path, Object... segments) {
        return new ApiRequest("PATCH", expand(path, segments), true);
    }

    /** Adds a query parameter; null values are left out. */
    public ApiRequest query(String name, @Nullable Object value) {
        if (value != null) {
            query.add(Map.entry(name, value.toString()));
        }
        return this;
    }

    public ApiRequest json(JsonNode body) {
        this.json = body;
        return this;
    }

    public ApiRequest multipart(Multipart body) {
        this.multipart = body;
        return this;
    }

    String method() {
        return method;
    }

    boolean retriesOnServerError() {
        return retriesOnServerError;
    }

    @Nullable JsonNode jsonBody() {
        return json;
    }

    @Nullable Multipart multipartBody() {
        return multipart;
    }

    /** Path and query, encoded. */
    String target() {
        if (query.isEmpty()) {
            return path;
        }
        StringJoiner joined = new StringJoiner("&", path + "?", "");
        query.forEach(e -> joined.add(encode(e.getKey()) + "=" + encode(e.getValue())));
        return joined.toString();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /** Replaces each {@code {}} in the template with the next segment, percent-encoded. */
    private static String expand(String template, Object... segments) {
        StringBuilder path = new StringBuilder();
        int from = 0;
        for (Object segment : segments) {
            int at = template.indexOf("{}", from);
            if (at < 0) {
                throw new IllegalArgumentException("more segments than placeholders in " + template);
            }
            path.append(template, from, at).append(encode(String.valueOf(segment)));
            from = at + 2;
        }
        if (template.indexOf("{}", from) >= 0) {
            throw new IllegalArgumentException("missing segment for " + template);
        }
        return path.append(template.substring(from)).toString();
    }

    /** RFC 3986 percent-encoding: only unreserved characters stay as they are. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
