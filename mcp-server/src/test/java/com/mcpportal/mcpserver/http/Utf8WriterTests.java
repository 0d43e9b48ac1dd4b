package com.mcpportal.mcpserver.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8WriterTests {

    @Test
    void writesUtf8WhateverPiecesTheTextArrivesIn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter writer = new PrintWriter(new Utf8Writer(bytes));
        String text = "data: {\"text\":\"Grüße 🎙 日本\"}\n\n";
        int emoji = text.indexOf('🎙');

        // Split in the middle of the emoji's surrogate pair, as a char-by-char writer might.
        writer.write(text, 0, emoji + 1);
        writer.write(text.toCharArray(), emoji + 1, 3);
        writer.write(text.charAt(emoji + 4));
        writer.write(text.substring(emoji + 5));
        writer.flush();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(writer.checkError()).isFalse();
    }
}
