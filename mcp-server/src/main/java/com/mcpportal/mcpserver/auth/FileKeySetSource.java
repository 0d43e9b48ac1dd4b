package com.mcpportal.mcpserver.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The key-set document in a local file (a mounted secret, or written by an agent). */
final class FileKeySetSource implements KeySetSource {

    private final Path path;

    FileKeySetSource(Path path) {
        this.path = path;
    }

    @Override
    public String read() throws IOException {
        return Files.readString(path);
    }

    @Override
    public String describe() {
        return "MCP_SERVER_KEYS_FILE (" + path + ")";
    }
}
