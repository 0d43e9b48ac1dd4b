package com.mcpportal.mcpserver.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A writer that encodes each string with {@link String#getBytes} straight onto the response
 * stream. The container's writer copies every (mostly ASCII) string into a char buffer and encodes
 * it again, which was a third of the CPU of a {@code tools/list} call; the SDK writes whole JSON
 * messages, so this path is one copy instead of three.
 */
final class Utf8Writer extends Writer {

    private final OutputStream out;
    /** A high surrogate whose low half has not been written yet. */
    private char pendingHigh;

    Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        String part = offset == 0 && length == text.length() ? text : text.substring(offset, offset + length);
        emit(part);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (length > 0) {
            emit(new String(chars, offset, length));
        }
    }

    @Override
    public void write(int c) throws IOException {
        emit(String.valueOf((char) c));
    }

    private void emit(String text) throws IOException {
        if (pendingHigh != 0) {
            text = pendingHigh + text;
            pendingHigh = 0;
        }
        char last = text.charAt(text.length() - 1);
        if (Character.isHighSurrogate(last)) {
            pendingHigh = last;
            text = text.substring(0, text.length() - 1);
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            out.write("?".getBytes(StandardCharsets.UTF_8));
            pendingHigh = 0;
        }
        out.close();
    }
}
