package com.mcpportal.mcpserver.elevenlabs;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;

/** A successful (2xx) ElevenLabs answer. */
public record ApiResponse(int status, HttpHeaders headers, byte[] body) {

    /** The {@code Content-Type} without parameters, lower case, or empty. */
    public String contentType() {
        String value = headers.firstValue("content-type").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase();
    }

    public @Nullable String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The body as JSON; a body that is not JSON is an upstream error, not a crash. */
    public JsonNode json() {
        try {
            return Json.parse(body);
        } catch (JacksonException e) {
            throw new ElevenLabsException(status, "invalid_response",
                    "ElevenLabs answered with a body that is not JSON");
        }
    }
}
