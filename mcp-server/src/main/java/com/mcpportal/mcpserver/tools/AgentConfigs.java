package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.Json;
import tools.jackson.databind.node.ObjectNode;

/** The agent configuration the official server sends when it creates an agent. */
final class AgentConfigs {

    private static final String TERMS = "#### Terms and conditions\n\nBy clicking \"Agree,\" and each time I "
            + "interact with this AI agent, I consent to the recording, storage, and sharing of my communications "
            + "with third-party service providers, and as described in the Privacy Policy.\nIf you do not wish to "
            + "have your conversations recorded, please refrain from using this service.";

    private AgentConfigs() {
    }

    static ObjectNode conversationConfig(Arguments args) {
        ObjectNode config = Json.object();
        ObjectNode agent = config.putObject("agent").put("language", args.string("language"));
        ObjectNode prompt = agent.putObject("prompt")
                .put("prompt", args.string("system_prompt"))
                .put("llm", args.string("llm"));
        prompt.putArray("tools").addObject().put("type", "system").put("name", "end_call").put("description", "");
        prompt.putArray("knowledge_base");
        prompt.put("temperature", args.number("temperature"));
        if (args.integer("max_tokens") != null) {
            prompt.put("max_tokens", args.integer("max_tokens"));
        }
        agent.put("first_message", args.string("first_message"));
        agent.putObject("dynamic_variables").putObject("dynamic_variable_placeholders");
        ObjectNode asr = config.putObject("asr").put("quality", args.string("asr_quality"))
                .put("provider", "elevenlabs").put("user_input_audio_format", "pcm_16000");
        asr.putArray("keywords");
        ObjectNode tts = config.putObject("tts");
        if (args.string("voice_id") != null && !args.string("voice_id").isBlank()) {
            tts.put("voice_id", args.string("voice_id"));
        }
        tts.put("model_id", args.string("model_id"))
                .put("agent_output_audio_format", "pcm_16000")
                .put("optimize_streaming_latency", args.integer("optimize_streaming_latency"))
                .put("stability", args.number("stability"))
                .put("similarity_boost", args.number("similarity_boost"));
        config.putObject("turn").put("turn_timeout", args.integer("turn_timeout"));
        ObjectNode conversation = config.putObject("conversation")
                .put("max_duration_seconds", args.integer("max_duration_seconds"));
        conversation.putArray("client_events").add("audio").add("interruption").add("user_transcript")
                .add("agent_response").add("agent_response_correction");
        config.putObject("language_presets");
        config.put("is_blocked_ivc", false).put("is_blocked_non_ivc", false);
        return config;
    }

    static ObjectNode platformSettings(Arguments args) {
        ObjectNode settings = Json.object();
        ObjectNode widget = settings.putObject("widget").put("variant", "full");
        widget.putObject("avatar").put("type", "orb").put("color_1", "#6DB035").put("color_2", "#F5CABB");
        widget.put("feedback_mode", "during").put("terms_text", TERMS).put("show_avatar_when_collapsed", true);
        settings.putObject("evaluation");
        settings.putObject("auth").putArray("allowlist");
        settings.putObject("overrides");
        settings.putObject("call_limits").put("agent_concurrency_limit", -1).put("daily_limit", 100000);
        settings.putObject("privacy").put("record_voice", args.bool("record_voice"))
                .put("retention_days", args.integer("retention_days"))
                .put("delete_transcript_and_pii", true).put("delete_audio", true)
                .put("apply_to_existing_conversations", false);
        settings.putObject("data_collection");
        return settings;
    }
}
