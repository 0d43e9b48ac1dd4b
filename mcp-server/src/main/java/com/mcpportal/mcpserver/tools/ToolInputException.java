package com.mcpportal.mcpserver.tools;

/** A tool call's arguments are wrong; the message tells the client (an LLM) how to fix them. */
final class ToolInputException extends RuntimeException {

    ToolInputException(String message) {
        super(message, null, false, false);
    }
}
