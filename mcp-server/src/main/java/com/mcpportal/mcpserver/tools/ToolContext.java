package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsClient;
import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings;

/** What every tool area needs: the API, where input comes from and how output goes back. */
record ToolContext(ElevenLabsSettings settings, ElevenLabsClient api, InputFiles inputs, Outputs outputs) {

    static final String COST_WARNING = "\n\nCOST WARNING: this tool calls the ElevenLabs API, which may "
            + "incur costs. Only use it when the user explicitly asks for it.";

    static final String INPUT_CHOICES = " Give exactly one of input_file_path (a file inside the server's "
            + "ELEVENLABS_MCP_BASE_PATH), audio_base64 (the file's bytes as base64) or audio_url "
            + "(a public https URL the server downloads).";
}
