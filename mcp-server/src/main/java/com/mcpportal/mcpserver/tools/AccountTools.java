package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ApiRequest;
import com.mcpportal.mcpserver.elevenlabs.Json;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mcpportal.mcpserver.tools.OutputSchemas.arrayOf;
import static com.mcpportal.mcpserver.tools.OutputSchemas.object;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalInteger;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalString;
import static com.mcpportal.mcpserver.tools.OutputSchemas.string;

/** Account: list_models and check_subscription. */
final class AccountTools {

    private final ToolContext ctx;

    AccountTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolDefinition> tools() {
        return List.of(listModels(), checkSubscription());
    }

    private ToolDefinition listModels() {
        Map<String, Object> language = object(2, "language_id", string(), "name", string());
        Map<String, Object> model = object(3, "id", string(), "name", string(), "languages", arrayOf(language));
        return Tools.define("list_models", "List models",
                "List all available ElevenLabs models with the languages each supports. Free.",
                new Params(), Tools.Effect.READS, object(1, "models", arrayOf(model)), args -> {
                    JsonNode models = ctx.api().json(ApiRequest.get("/v1/models"));
                    List<Object> list = new ArrayList<>();
                    StringBuilder text = new StringBuilder();
                    for (JsonNode m : models.values()) {
                        List<Object> languages = new ArrayList<>();
                        List<String> names = new ArrayList<>();
                        for (JsonNode l : m.path("languages").values()) {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("language_id", Json.text(l, "language_id"));
                            entry.put("name", Json.text(l, "name"));
                            languages.add(entry);
                            names.add(Json.text(l, "language_id"));
                        }
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("id", Json.text(m, "model_id"));
                        entry.put("name", Json.text(m, "name"));
                        entry.put("languages", languages);
                        list.add(entry);
                        text.append(entry.get("id")).append(": ").append(entry.get("name")).append(" (")
                                .append(languages.size()).append(" languages: ").append(String.join(", ", names))
                                .append(")\n");
                    }
                    return Results.structured(list.isEmpty() ? "No models found." : text.toString().strip(),
                            Map.of("models", list));
                });
    }

    private ToolDefinition checkSubscription() {
        Map<String, Object> schema = object(0, "tier", optionalString(), "status", optionalString(),
                "character_count", optionalInteger(), "character_limit", optionalInteger(),
                "next_character_count_reset_unix", optionalInteger(), "voice_slots_used", optionalInteger(),
                "voice_limit", optionalInteger());
        return Tools.define("check_subscription", "Check subscription",
                "Check the current subscription status: tier, characters used and left this period, voice "
                        + "slots. Use it to measure the usage of the API. Free.",
                new Params(), Tools.Effect.READS, schema, args -> {
                    JsonNode subscription = ctx.api().json(ApiRequest.get("/v1/user/subscription"));
                    return Results.structured(Json.pretty(subscription), Json.plainObject(subscription));
                });
    }
}
