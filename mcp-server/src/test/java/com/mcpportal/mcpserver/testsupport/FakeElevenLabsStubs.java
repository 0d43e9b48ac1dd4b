package com.mcpportal.mcpserver.testsupport;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

/** The fake's built-in answers, one per operation the tools use, shaped as the OpenAPI document says. */
final class FakeElevenLabsStubs {

    private FakeElevenLabsStubs() {
    }

    static void install(FakeElevenLabs fake) {
        fake.requireApiKey();
        voices(fake);
        audio(fake);
        agents(fake);
        telephony(fake);
        music(fake);
        fake.stub(FakeElevenLabs.matching("GET", "/v1/models").willReturn(file("models.json")));
        fake.stub(FakeElevenLabs.matching("GET", "/v1/user/subscription").willReturn(file("subscription.json")));
        fake.stub(FakeElevenLabs.matching("POST", "/v1/speech-to-text").willReturn(file("transcript.json")));
    }

    private static void voices(FakeElevenLabs fake) {
        fake.stub(FakeElevenLabs.matching("GET", "/v2/voices").willReturn(file("voices-v2.json")));
        fake.fallback(FakeElevenLabs.matching("GET", "/v1/voices/[^/]+")
                .willReturn(notFound("voice_not_found", "A voice with the voice_id was not found.")));
        for (JsonNode voice : FakeElevenLabs.json("voices-v2.json").path("voices").values()) {
            String id = voice.path("voice_id").asString();
            fake.stub(FakeElevenLabs.matching("GET", "/v1/voices/" + id).willReturn(okJson(voice.toString())));
            for (String path : new String[] {"/v1/text-to-speech/", "/v1/speech-to-speech/"}) {
                fake.stub(FakeElevenLabs.matching("POST", path + id).willReturn(mp3(40)));
            }
        }
        for (String path : new String[] {"/v1/text-to-speech/[^/]+", "/v1/speech-to-speech/[^/]+"}) {
            fake.fallback(FakeElevenLabs.matching("POST", path)
                    .willReturn(notFound("voice_not_found", "A voice with the voice_id was not found.")));
        }
        fake.stub(FakeElevenLabs.matching("GET", "/v1/shared-voices").willReturn(file("shared-voices.json")));
        fake.stub(FakeElevenLabs.matching("POST", "/v1/voices/add")
                .willReturn(okJson("{\"voice_id\":\"cloned_voice_0001\",\"requires_verification\":false}")));
        String preview = Base64.getEncoder().encodeToString(FakeElevenLabs.mp3(5));
        StringBuilder previews = new StringBuilder("{\"previews\":[");
        for (int i = 1; i <= 3; i++) {
            previews.append(i > 1 ? "," : "").append("{\"audio_base_64\":\"").append(preview)
                    .append("\",\"generated_voice_id\":\"gen_voice_000").append(i)
                    .append("\",\"media_type\":\"audio/mpeg\",\"duration_secs\":2.5}");
        }
        previews.append("],\"text\":\"Hello from a freshly designed voice, how does it sound to you today?\"}");
        fake.stub(FakeElevenLabs.matching("POST", "/v1/text-to-voice/create-previews")
                .willReturn(okJson(previews.toString())));
        JsonNode created = FakeElevenLabs.json("voices-v2.json").path("voices").get(0);
        fake.stub(FakeElevenLabs.matching("POST", "/v1/text-to-voice").willReturn(okJson(created.toString()
                .replace("cgSgspJ2msm6clMCkdW9", "designed_voice_0001").replace("\"Jessica\"", "\"Designed voice\"")
                .replace("\"premade\"", "\"generated\""))));
    }

    private static void audio(FakeElevenLabs fake) {
        fake.stub(FakeElevenLabs.matching("POST", "/v1/sound-generation").willReturn(mp3(20)
                .withHeader("character-cost", "40")));
        fake.stub(FakeElevenLabs.matching("POST", "/v1/audio-isolation").willReturn(mp3(30)));
    }

    private static void agents(FakeElevenLabs fake) {
        String agent = "/v1/convai/agents/" + FakeElevenLabs.AGENT_ID;
        fake.stub(FakeElevenLabs.matching("POST", "/v1/convai/agents/create")
                .willReturn(okJson("{\"agent_id\":\"agent_new_0001\"}")));
        fake.stub(FakeElevenLabs.matching("GET", "/v1/convai/agents").willReturn(file("agents.json")));
        fake.fallback(FakeElevenLabs.matching("GET", "/v1/convai/agents/[^/]+")
                .willReturn(notFound("agent_not_found", "Agent not found.")));
        fake.stub(FakeElevenLabs.matching("GET", agent).willReturn(file("agent.json")));
        fake.stub(FakeElevenLabs.matching("PATCH", agent).willReturn(file("agent.json")));
        fake.stub(FakeElevenLabs.matching("POST", agent + "/simulate-conversation").willReturn(file("simulation.json")));
        fake.stub(FakeElevenLabs.matching("POST", "/v1/convai/knowledge-base/url")
                .willReturn(okJson("{\"id\":\"kb_url_0001\",\"name\":\"Docs\"}")));
        fake.stub(FakeElevenLabs.matching("POST", "/v1/convai/knowledge-base/file")
                .willReturn(okJson("{\"id\":\"kb_file_0001\",\"name\":\"Docs\"}")));
        fake.stub(FakeElevenLabs.matching("GET", "/v1/convai/conversations").willReturn(file("conversations.json")));
        fake.fallback(FakeElevenLabs.matching("GET", "/v1/convai/conversations/[^/]+")
                .willReturn(notFound("conversation_not_found", "Conversation not found.")));
        fake.stub(FakeElevenLabs.matching("GET", "/v1/convai/conversations/" + FakeElevenLabs.CONVERSATION_ID)
                .willReturn(file("conversation.json")));
    }

    private static void telephony(FakeElevenLabs fake) {
        fake.stub(FakeElevenLabs.matching("GET", "/v1/convai/phone-numbers").willReturn(file("phone-numbers.json")));
        fake.stub(FakeElevenLabs.matching("POST", "/v1/convai/twilio/outbound-call").willReturn(okJson(
                "{\"success\":true,\"message\":\"Call initiated\",\"conversation_id\":\"conv_call_0001\","
                        + "\"callSid\":\"CA0123456789abcdef\"}")));
        fake.stub(FakeElevenLabs.matching("POST", "/v1/convai/sip-trunk/outbound-call").willReturn(okJson(
                "{\"success\":true,\"message\":\"Call initiated\",\"conversation_id\":\"conv_call_0002\","
                        + "\"sip_call_id\":\"sip_0123\"}")));
    }

    private static void music(FakeElevenLabs fake) {
        fake.stub(FakeElevenLabs.matching("POST", "/v1/music").willReturn(mp3(60)
                .withHeader("song-id", FakeElevenLabs.SONG_ID)));
        fake.stub(FakeElevenLabs.matching("POST", "/v1/music/video-to-music").willReturn(mp3(50)));
        fake.stub(FakeElevenLabs.matching("POST", "/v1/music/plan").willReturn(file("plan-v2.json")));
        fake.wireMock().stubFor(FakeElevenLabs.matching("POST", "/v1/music/plan")
                .withRequestBody(containing("\"music_v1\"")).atPriority(FakeElevenLabs.DEFAULT_PRIORITY - 1)
                .willReturn(file("plan-v1.json")));
        fake.stub(FakeElevenLabs.matching("POST", "/v1/music/upload").willReturn(okJson("{\"song_id\":\""
                + FakeElevenLabs.SONG_ID + "\",\"composition_plan\":" + FakeElevenLabs.json("plan-v2.json") + "}")));
        byte[] audio = FakeElevenLabs.mp3(60);
        byte[] head = ("--fake-boundary\r\nContent-Type: application/json\r\n\r\n{\"composition_plan\":"
                + FakeElevenLabs.json("plan-v2.json") + ",\"song_metadata\":{\"title\":\"Piano dawn\",\"song_id\":\""
                + FakeElevenLabs.SONG_ID + "\"}}\r\n--fake-boundary\r\nContent-Type: audio/mpeg\r\n"
                + "Content-Disposition: attachment; filename=\"piano_dawn.mp3\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\r\n--fake-boundary--\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + audio.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(audio, 0, body, head.length, audio.length);
        System.arraycopy(tail, 0, body, head.length + audio.length, tail.length);
        fake.stub(FakeElevenLabs.matching("POST", "/v1/music/detailed").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "multipart/mixed; boundary=fake-boundary")
                .withHeader("song-id", FakeElevenLabs.SONG_ID).withBody(body)));
    }

    private static ResponseDefinitionBuilder file(String name) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBodyFile(name);
    }

    private static ResponseDefinitionBuilder mp3(int frames) {
        return aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg").withBody(FakeElevenLabs.mp3(frames));
    }

    private static ResponseDefinitionBuilder notFound(String code,
                                                                                            String message) {
        return FakeElevenLabs.error(404, code, message);
    }
}
