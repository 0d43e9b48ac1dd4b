package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings;

import java.util.List;

/** The ElevenLabs tools, with the names, parameters and defaults of the official server. */
public final class ElevenLabsToolset {

    private final ElevenLabsSettings settings;

    public ElevenLabsToolset(ElevenLabsSettings settings) {
        this.settings = settings;
    }

    /** Every tool this server offers, in a stable order. */
    public List<ToolDefinition> tools() {
        // Placeholder: the mcp-server issue fills this with the 27 tools.
        return List.of();
    }
}
