package com.mcpportal.mcpserver.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeErrorResponseTests {

    @Test
    void clientMistakesKeepTheSdkMessage() {
        assertThat(SafeErrorResponse.safeMessage(400, "text/event-stream required in Accept header"))
                .isEqualTo("text/event-stream required in Accept header");
        assertThat(SafeErrorResponse.safeMessage(404, "Session not found: abc")).isEqualTo("Session not found: abc");
    }

    @Test
    void parserDetailsAndServerErrorsAreReplaced() {
        assertThat(SafeErrorResponse.safeMessage(400,
                "Invalid message format: Unrecognized token 'x': was expecting (JSON String...) at [Source: ...]"))
                .isEqualTo("Invalid JSON-RPC message");
        assertThat(SafeErrorResponse.safeMessage(500, "Error processing message: NullPointerException at io.x.Y"))
                .isEqualTo("Internal server error");
        assertThat(SafeErrorResponse.safeMessage(400, "java.lang.IllegalStateException: boom"))
                .isEqualTo("Bad request");
        assertThat(SafeErrorResponse.safeMessage(413, null)).isEqualTo("Request body too large");
    }
}
