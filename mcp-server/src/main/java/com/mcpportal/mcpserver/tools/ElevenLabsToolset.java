package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsClient;
import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The ElevenLabs tools, with the names, parameters and defaults of the official server. */
public final class ElevenLabsToolset {

    /** The official server's order, which clients show. */
    static final List<String> TOOL_NAMES = List.of(
            "text_to_speech", "speech_to_text", "text_to_sound_effects", "search_voices", "list_models",
            "get_voice", "voice_clone", "isolate_audio", "check_subscription", "create_agent",
            "add_knowledge_base_to_agent", "list_agents", "get_agent", "get_conversation", "list_conversations",
            "simulate_conversation", "speech_to_speech", "text_to_voice", "create_voice_from_preview",
            "make_outbound_call", "search_voice_library", "list_phone_numbers", "compose_music",
            "create_composition_plan", "video_to_music", "upload_music_for_inpainting", "play_audio");

    private final List<ToolDefinition> tools;

    public ElevenLabsToolset(ElevenLabsSettings settings) {
        this(settings, new ElevenLabsClient(settings),
                SafeDownloader.standard(settings.maxInputBytes(), settings.downloadTimeout()));
    }

    ElevenLabsToolset(ElevenLabsSettings settings, ElevenLabsClient api, SafeDownloader downloader) {
        Workspace workspace = new Workspace(settings.basePath());
        ToolContext ctx = new ToolContext(settings, api, new InputFiles(workspace, downloader),
                new Outputs(settings.outputMode(), workspace));
        List<ToolDefinition> all = new ArrayList<>();
        Stream.of(new SpeechTools(ctx).tools(), new SoundTools(ctx).tools(), new VoiceTools(ctx).tools(),
                        new VoiceDesignTools(ctx).tools(), new AccountTools(ctx).tools(), new AgentTools(ctx).tools(),
                        new ConversationTools(ctx).tools(), new TelephonyTools(ctx).tools(),
                        new MusicTools(ctx).tools())
                .forEach(all::addAll);
        all.sort(Comparator.comparingInt(t -> TOOL_NAMES.indexOf(t.tool().name())));
        this.tools = List.copyOf(all);
    }

    /** Every tool this server offers, in a stable order. */
    public List<ToolDefinition> tools() {
        return tools;
    }
}
