package com.mcpportal.mcpserver.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonRpcPeekTests {

    @Test
    void picksMethodIdAndToolNameWhateverTheFieldOrder() {
        JsonRpcPeek peek = peek("{\"params\":{\"arguments\":{\"name\":\"not this\"},\"name\":\"text_to_speech\"},"
                + "\"id\":42,\"jsonrpc\":\"2.0\",\"method\":\"tools/call\"}");
        assertThat(peek.object()).isTrue();
        assertThat(peek.method()).isEqualTo("tools/call");
        assertThat(peek.rawId()).isEqualTo("42");
        assertThat(peek.tool()).isEqualTo("text_to_speech");
    }

    @Test
    void stringIdsStayValidJsonAndOtherMethodsHaveNoTool() {
        JsonRpcPeek peek = peek("{\"jsonrpc\":\"2.0\",\"id\":\"a\\\"b\",\"method\":\"prompts/get\",\"params\":{\"name\":\"x\"}}");
        assertThat(peek.rawId()).isEqualTo("\"a\\\"b\"");
        assertThat(peek.tool()).isNull();
    }

    @Test
    void arraysAreNotObjectsAndBrokenJsonIsRefused() {
        assertThat(peek("[{\"jsonrpc\":\"2.0\"}]").object()).isFalse();
        assertThatThrownBy(() -> peek("{\"jsonrpc\":")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> peek("{} {}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> peek("")).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonRpcPeek peek(String json) {
        return JsonRpcPeek.of(json.getBytes(StandardCharsets.UTF_8));
    }
}
