package com.mcpportal.portal.environment;

import java.util.Locale;

/**
 * The ready-to-paste Cursor {@code mcp.json} entry for an environment's endpoint: with a placeholder on the
 * environment page, with the real key on the API keys' one-time result page.
 */
public final class McpClientSnippet {

    static final String KEY_PLACEHOLDER = "<your key>";

    private McpClientSnippet() {
    }

    static String cursor(String environmentName, String mcpUrl) {
        return cursor(environmentName, mcpUrl, KEY_PLACEHOLDER);
    }

    public static String cursor(String environmentName, String mcpUrl, String key) {
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
                }""".formatted(server, json(mcpUrl), json(key));
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
