package com.mcpportal.mcpserver;

/** Entry point of the ElevenLabs MCP server (filled in by the mcp-server issue). */
public final class McpServerMain {

    private McpServerMain() {
    }

    public static void main(String[] args) {
        System.out.println("mcp-server: not implemented yet");
    }
}
