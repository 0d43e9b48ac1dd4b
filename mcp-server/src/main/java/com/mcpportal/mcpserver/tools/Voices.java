package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ApiRequest;
import com.mcpportal.mcpserver.elevenlabs.ElevenLabsClient;
import com.mcpportal.mcpserver.elevenlabs.Json;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Finds a voice by id or by exact name, as the speech tools need before they generate. */
final class Voices {

    record Voice(String id, @Nullable String name) {
    }

    private final ElevenLabsClient api;

    Voices(ElevenLabsClient api) {
        this.api = api;
    }

    Voice byId(String voiceId) {
        JsonNode voice = api.json(ApiRequest.get("/v1/voices/{}", voiceId));
        return new Voice(Objects.requireNonNullElse(Json.text(voice, "voice_id"), voiceId), Json.text(voice, "name"));
    }

    Voice byName(String name) {
        JsonNode found = api.json(ApiRequest.get("/v2/voices").query("search", name));
        JsonNode list = found.path("voices");
        if (list.isEmpty()) {
            throw new ToolInputException("No voices found with that name.");
        }
        for (JsonNode voice : list.values()) {
            if (name.equals(Json.text(voice, "name"))) {
                return new Voice(Objects.requireNonNull(Json.text(voice, "voice_id"), "a voice without an id"), name);
            }
        }
        throw new ToolInputException("Voice with name: " + name + " does not exist.");
    }
}
