package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ApiRequest;
import com.mcpportal.mcpserver.elevenlabs.ElevenLabsClient;
import com.mcpportal.mcpserver.elevenlabs.Json;
import tools.jackson.databind.JsonNode;

/** Finds a voice by id or by exact name, as the speech tools need before they generate. */
final class Voices {

    record Voice(String id, String name) {
    }

    private final ElevenLabsClient api;

    Voices(ElevenLabsClient api) {
        this.api = api;
    }

    Voice byId(String voiceId) {
        JsonNode voice = api.json(ApiRequest.get("/v1/voices/{}", voiceId));
        return new Voice(Json.text(voice, "voice_id"), Json.text(voice, "name"));
    }

    Voice byName(String name) {
        JsonNode found = api.json(ApiRequest.get("/v2/voices").query("search", name));
        JsonNode list = found.path("voices");
        if (list.isEmpty()) {
            throw new ToolInputException("No voices found with that name.");
        }
        for (JsonNode voice : list.values()) {
            if (name.equals(Json.text(voice, "name"))) {
                return new Voice(Json.text(voice, "voice_id"), name);
            }
        }
        throw new ToolInputException("Voice with name: " + name + " does not exist.");
    }
}
