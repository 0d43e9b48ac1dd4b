package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.Json;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.mcpportal.mcpserver.tools.ToolHarness.structured;
import static com.mcpportal.mcpserver.tools.ToolHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

class TelephonyToolsTests extends ToolTestSupport {

    @Test
    void outboundCallOnATwilioNumberUsesTheTwilioApi() {
        McpSchema.CallToolResult result = call("make_outbound_call", Map.of("agent_id", FakeElevenLabs.AGENT_ID,
                "agent_phone_number_id", FakeElevenLabs.TWILIO_PHONE_NUMBER_ID, "to_number", "+1 (415) 555-0123"));

        assertThat(text(result)).startsWith("Outbound call initiated via Twilio:").contains("CA0123456789abcdef");
        JsonNode body = Json.parse(fake.requests("POST", "/v1/convai/twilio/outbound-call").get(0).getBody());
        assertThat(body.path("agent_id").asString()).isEqualTo(FakeElevenLabs.AGENT_ID);
        assertThat(body.path("agent_phone_number_id").asString()).isEqualTo(FakeElevenLabs.TWILIO_PHONE_NUMBER_ID);
        assertThat(body.path("to_number").asString()).isEqualTo("+14155550123");
        assertThat(fake.requests("POST", "/v1/convai/sip-trunk/outbound-call")).isEmpty();
    }

    @Test
    void outboundCallOnASipNumberUsesTheSipTrunkApi() {
        McpSchema.CallToolResult result = call("make_outbound_call", Map.of("agent_id", FakeElevenLabs.AGENT_ID,
                "agent_phone_number_id", FakeElevenLabs.SIP_PHONE_NUMBER_ID, "to_number", "+442071838750"));

        assertThat(text(result)).startsWith("Outbound call initiated via SIP trunk:");
        assertThat(fake.requests("POST", "/v1/convai/sip-trunk/outbound-call")).hasSize(1);
    }

    @Test
    void outboundCallFromAnUnknownNumberIsRefused() {
        McpSchema.CallToolResult result = call("make_outbound_call", Map.of("agent_id", FakeElevenLabs.AGENT_ID,
                "agent_phone_number_id", "phnum_nope", "to_number", "+14155550123"));

        assertThat(text(result)).isEqualTo("Phone number with ID phnum_nope not found.");
        assertThat(fake.requests("POST", ".*")).isEmpty();
    }

    @Test
    void outboundCallToANumberThatIsNotE164IsRefusedBeforeAnyCall() {
        McpSchema.CallToolResult result = call("make_outbound_call", Map.of("agent_id", FakeElevenLabs.AGENT_ID,
                "agent_phone_number_id", FakeElevenLabs.TWILIO_PHONE_NUMBER_ID, "to_number", "0415 555 0123"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("E.164");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void anOutboundCallIsNeverPlacedTwiceAfterAServerError() {
        fake.serverErrorOnce("POST", "/v1/convai/twilio/outbound-call", 502);

        McpSchema.CallToolResult result = call("make_outbound_call", Map.of("agent_id", FakeElevenLabs.AGENT_ID,
                "agent_phone_number_id", FakeElevenLabs.TWILIO_PHONE_NUMBER_ID, "to_number", "+14155550123"));

        assertThat(result.isError()).isTrue();
        assertThat(fake.requests("POST", "/v1/convai/twilio/outbound-call")).hasSize(1);
        assertThat(harness.tool("make_outbound_call").tool().annotations().destructiveHint()).isTrue();
    }

    @Test
    void listPhoneNumbersShowsProviderAndAssignedAgent() {
        McpSchema.CallToolResult result = call("list_phone_numbers", Map.of());

        assertThat(text(result)).startsWith("Phone Numbers:\n\nPhone Number: +14155550100\nID: phnum_twilio_0001\n"
                        + "Provider: twilio\nLabel: Support line\nAssigned Agent: Support agent (ID: "
                        + FakeElevenLabs.AGENT_ID + ")")
                .contains("Assigned Agent: None");
        assertThat(structured(result).get("phone_numbers")).asList().hasSize(2);
    }
}
