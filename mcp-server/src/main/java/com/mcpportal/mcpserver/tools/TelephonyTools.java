package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ApiRequest;
import com.mcpportal.mcpserver.elevenlabs.Json;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static com.mcpportal.mcpserver.tools.OutputSchemas.arrayOf;
import static com.mcpportal.mcpserver.tools.OutputSchemas.object;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalObject;
import static com.mcpportal.mcpserver.tools.OutputSchemas.optionalString;
import static com.mcpportal.mcpserver.tools.OutputSchemas.string;
import static com.mcpportal.mcpserver.tools.ToolContext.COST_WARNING;

/** Telephony: make_outbound_call and list_phone_numbers. */
final class TelephonyTools {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final ToolContext ctx;

    TelephonyTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolDefinition> tools() {
        return List.of(makeOutboundCall(), listPhoneNumbers());
    }

    private ToolDefinition makeOutboundCall() {
        Params params = new Params()
                .requiredString("agent_id", "The ID of the agent that will handle the call.")
                .requiredString("agent_phone_number_id", "The ID of the phone number to call from (see "
                        + "list_phone_numbers).")
                .requiredString("to_number", "The phone number to call, in E.164 format: +1xxxxxxxxxx.");
        return Tools.define("make_outbound_call", "Make an outbound call",
                "Make an outbound call using an ElevenLabs agent. Automatically detects the provider type "
                        + "(Twilio or SIP trunk) of the phone number and uses the matching API." + COST_WARNING,
                params, Tools.Effect.DESTRUCTIVE, this::makeOutboundCall);
    }

    private McpSchema.CallToolResult makeOutboundCall(Arguments args) {
        String toNumber = args.require("to_number").replaceAll("[\\s()-]", "");
        if (!E164.matcher(toNumber).matches()) {
            throw new ToolInputException("to_number must be in E.164 format, like +14155550123 (was "
                    + args.string("to_number") + ").");
        }
        String phoneNumberId = args.require("agent_phone_number_id");
        JsonNode phone = null;
        for (JsonNode candidate : ctx.api().json(ApiRequest.get("/v1/convai/phone-numbers")).values()) {
            if (phoneNumberId.equals(Json.text(candidate, "phone_number_id"))) {
                phone = candidate;
            }
        }
        if (phone == null) {
            throw new ToolInputException("Phone number with ID " + phoneNumberId + " not found.");
        }
        String provider = String.valueOf(Json.text(phone, "provider")).toLowerCase(Locale.ROOT);
        String path;
        String providerName;
        if (provider.equals("twilio")) {
            path = "/v1/convai/twilio/outbound-call";
            providerName = "Twilio";
        } else if (provider.equals("sip_trunk")) {
            path = "/v1/convai/sip-trunk/outbound-call";
            providerName = "SIP trunk";
        } else {
            throw new ToolInputException("Unsupported provider type: " + Json.text(phone, "provider"));
        }
        JsonNode response = ctx.api().json(ApiRequest.create(path).json(Json.object()
                .put("agent_id", args.string("agent_id"))
                .put("agent_phone_number_id", phoneNumberId)
                .put("to_number", toNumber)));
        return Results.text("Outbound call initiated via " + providerName + ": " + response + ".");
    }

    private ToolDefinition listPhoneNumbers() {
        Map<String, Object> phone = object(2, "phone_number", string(), "phone_number_id", string(),
                "provider", optionalString(), "label", optionalString(), "assigned_agent", optionalObject());
        return Tools.define("list_phone_numbers", "List phone numbers",
                "List all phone numbers associated with the ElevenLabs account. Free.",
                new Params(), Tools.Effect.READS, object(1, "phone_numbers", arrayOf(phone)), args -> {
                    List<Object> numbers = new ArrayList<>();
                    List<String> blocks = new ArrayList<>();
                    for (JsonNode p : ctx.api().json(ApiRequest.get("/v1/convai/phone-numbers")).values()) {
                        JsonNode agent = p.path("assigned_agent");
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("phone_number", Json.text(p, "phone_number"));
                        entry.put("phone_number_id", Json.text(p, "phone_number_id"));
                        entry.put("provider", Json.text(p, "provider"));
                        entry.put("label", Json.text(p, "label"));
                        entry.put("assigned_agent", agent.isObject() ? Json.plain(agent) : null);
                        numbers.add(entry);
                        blocks.add("Phone Number: " + entry.get("phone_number") + "\nID: " + entry.get("phone_number_id")
                                + "\nProvider: " + entry.get("provider") + "\nLabel: " + entry.get("label")
                                + "\nAssigned Agent: " + (agent.isObject() ? Json.text(agent, "agent_name") + " (ID: "
                                + Json.text(agent, "agent_id") + ")" : "None"));
                    }
                    return Results.structured(numbers.isEmpty() ? "No phone numbers found."
                            : "Phone Numbers:\n\n" + String.join("\n\n", blocks), Map.of("phone_numbers", numbers));
                });
    }
}
