package com.mcpportal.mcpserver.elevenlabs;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads ElevenLabs' error bodies, which come in several shapes, into one exception. */
final class ErrorBodies {

    private static final int MAX_MESSAGE = 500;

    private ErrorBodies() {
    }

    static ElevenLabsException toException(int status, byte[] body) {
        JsonNode json = parse(body);
        if (json != null) {
            JsonNode detail = json.get("detail");
            if (detail != null && detail.isObject()) {
                // {"detail": {"status": "voice_not_found", "message": "..."}}
                String code = first(Json.text(detail, "status"), Json.text(detail, "code"));
                return new ElevenLabsException(status, code,
                        orDefault(Json.text(detail, "message"), status));
            }
            if (detail != null && detail.isArray()) {
                // 422 {"detail": [{"loc": ["body", "text"], "msg": "...", "type": "..."}]}
                return new ElevenLabsException(status, "validation_error", validation(detail));
            }
            if (detail != null && detail.isString()) {
                return new ElevenLabsException(status, null, clip(detail.asString()));
            }
            if (json.has("error") || json.has("message")) {
                // {"error": "dubbing_not_found", "message": "..."}
                return new ElevenLabsException(status, Json.text(json, "error"),
                        orDefault(Json.text(json, "message"), status));
            }
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        boolean readable = !text.isEmpty() && !text.startsWith("<");
        return new ElevenLabsException(status, null, readable ? clip(text) : defaultMessage(status));
    }

    private static @Nullable JsonNode parse(byte[] body) {
        if (body.length == 0 || body[0] != '{') {
            return null;
        }
        try {
            return Json.parse(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String validation(JsonNode detail) {
        List<String> problems = new ArrayList<>();
        for (JsonNode item : detail.values()) {
            List<String> location = new ArrayList<>();
            item.path("loc").values().forEach(part -> location.add(part.asString()));
            String msg = Json.text(item, "msg");
            problems.add((location.isEmpty() ? "" : String.join(".", location) + ": ") + (msg == null ? "" : msg));
        }
        return clip(problems.isEmpty() ? "request was rejected as invalid" : String.join("; ", problems));
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }

    private static String orDefault(@Nullable String message, int status) {
        return message == null ? defaultMessage(status) : clip(message);
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 401 -> "the API key was rejected";
            case 403 -> "access denied";
            case 404 -> "not found";
            case 429 -> "too many requests";
            default -> status >= 500 ? "ElevenLabs had an internal error" : "request failed";
        };
    }

    private static String clip(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }
}
