package com.mcpportal.portal.environment;

import java.util.Locale;

/** The ready-to-paste Cursor {@code mcp.json} entry for an environment's endpoint; the key stays a placeholder. */
final class McpClientSnippet {

    static final String KEY_PLACEHOLDER = "<your key>";

    private McpClientSnippet() {
    }

    static String cursor(String environmentName, String mcpUrl) {
        String server = "elevenlabs-" + environmentName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return """
                {
                  "mcpServers": {
                    "%s": {
                      "url": "%s",
                      "headers": {
                        "Authorization": "Bearer %s"
                      }
                    }
                  }
                }""".formatted(server, mcpUrl.replace("\\", "\\\\").replace("\"", "\\\""), KEY_PLACEHOLDER);
    }
}
