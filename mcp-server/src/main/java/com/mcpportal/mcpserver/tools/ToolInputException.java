package com.mcpportal.mcpserver.tools;

import java.util.Objects;

/** A tool call's arguments are wrong; the message tells the client (an LLM) how to fix them. */
final class ToolInputException extends RuntimeException {

    ToolInputException(String message) {
        super(message, null, false, false);
    }

    /** Never null: every refusal says how to fix the call. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
