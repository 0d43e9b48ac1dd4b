package com.mcpportal.portal.environment;

import java.util.List;
import java.util.Locale;

/**
 * What to paste into each MCP client to reach an environment's endpoint with an API key: Cursor, Claude Desktop,
 * Claude Code, VS Code and Windsurf, each in its own format and header syntax. With a placeholder on the
 * environment page, with the real key on the API keys' one-time result page.
 */
public final class McpClientSnippet {

    static final String KEY_PLACEHOLDER = "<your key>";

    /**
     * One client's snippet.
     *
     * @param id    short name for element ids, e.g. {@code claude-code}
     * @param label the client's name on its tab
     * @param where where the snippet goes, e.g. the file
     * @param text  the snippet itself
     */
    public record Client(String id, String label, String where, String text) {
    }

    private McpClientSnippet() {
    }

    /** Every client's snippet, with the key placeholder. */
    static List<Client> all(String environmentName, String mcpUrl) {
        return all(environmentName, mcpUrl, KEY_PLACEHOLDER);
    }

    /** Every client's snippet, Cursor first. */
    public static List<Client> all(String environmentName, String mcpUrl, String key) {
        String server = serverName(environmentName);
        return List.of(
                new Client("cursor", "Cursor", "~/.cursor/mcp.json, or .cursor/mcp.json in a project",
                        cursor(environmentName, mcpUrl, key)),
                new Client("claude-desktop", "Claude Desktop", "claude_desktop_config.json (Settings, Developer, Edit"
                        + " Config); Claude Desktop reaches remote servers through mcp-remote, which needs Node.js",
                        claudeDesktop(server, mcpUrl, key)),
                new Client("claude-code", "Claude Code", "run in a terminal",
                        "claude mcp add --transport http " + server + " " + mcpUrl
                                + " --header \"Authorization: Bearer " + key + "\""),
                new Client("vscode", "VS Code", ".vscode/mcp.json in your workspace", vsCode(server, mcpUrl, key)),
                new Client("windsurf", "Windsurf", "~/.codeium/windsurf/mcp_config.json", windsurf(server, mcpUrl, key)));
    }

    static String cursor(String environmentName, String mcpUrl, String key) {
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
                }""".formatted(serverName(environmentName), json(mcpUrl), json(key));
    }

    /** mcp-remote's header argument has no space: Claude Desktop on Windows would split it; the value comes from env. */
    private static String claudeDesktop(String server, String mcpUrl, String key) {
        return """
                {
                  "mcpServers": {
                    "%s": {
                      "command": "npx",
                      "args": ["-y", "mcp-remote", "%s", "--header", "Authorization:${AUTH_HEADER}"],
                      "env": {
                        "AUTH_HEADER": "Bearer %s"
                      }
                    }
                  }
                }""".formatted(server, json(mcpUrl), json(key));
    }

    private static String vsCode(String server, String mcpUrl, String key) {
        return """
                {
                  "servers": {
                    "%s": {
                      "type": "http",
                      "url": "%s",
                      "headers": {
                        "Authorization": "Bearer %s"
                      }
                    }
                  }
                }""".formatted(server, json(mcpUrl), json(key));
    }

    /** Windsurf names the URL {@code serverUrl}; a Cursor file's {@code url} does not connect there. */
    private static String windsurf(String server, String mcpUrl, String key) {
        return """
                {
                  "mcpServers": {
                    "%s": {
                      "serverUrl": "%s",
                      "headers": {
                        "Authorization": "Bearer %s"
                      }
                    }
                  }
                }""".formatted(server, json(mcpUrl), json(key));
    }

    private static String serverName(String environmentName) {
        return "elevenlabs-" + environmentName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
