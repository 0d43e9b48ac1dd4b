package com.mcpportal.mcpserver.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Keeps internals out of error responses. The MCP SDK answers some bad requests with a serialized
 * {@code McpError} (stack trace included) or with {@code sendError}, which would make the container
 * render an HTML page. Both are captured here and replaced by a short JSON-RPC error; successful
 * and streaming responses pass straight through.
 */
final class SafeErrorResponse extends HttpServletResponseWrapper {

    private static final JsonMapper MAPPER = JsonMapper.shared();

    /** SDK messages that say only what the client did wrong; anything else is replaced. */
    private static final List<String> SAFE_PREFIXES = List.of(
            "text/event-stream required", "application/json required", "Both application/json",
            "Session ID required", "Session ID missing", "Session not found", "Unsupported Media Type",
            "The server accepts either requests or notifications", "Invalid Origin header",
            "Invalid Host header", "Server is shutting down", "Unknown message type");

    private final RequestRecord record;
    private @Nullable ByteArrayOutputStream captured;
    private @Nullable PrintWriter capturedWriter;
    private @Nullable PrintWriter utf8Writer;
    private boolean errorWritten;

    SafeErrorResponse(HttpServletResponse response, RequestRecord record) {
        super(response);
        this.record = record;
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, @Nullable String message) throws IOException {
        if (isCommitted()) {
            return;
        }
        captured = null;
        capturedWriter = null;
        writeError(status, null, message);
    }

    @Override
    public void setStatus(int status) {
        super.setStatus(status);
        if (status >= 400 && !errorWritten && captured == null) {
            captured = new ByteArrayOutputStream(512);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (captured == null) {
            return super.getOutputStream();
        }
        ByteArrayOutputStream sink = captured;
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                sink.write(bytes, offset, length);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("error bodies are written synchronously");
            }
        };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (captured == null) {
            if (utf8Writer == null) {
                if (!"UTF-8".equalsIgnoreCase(getCharacterEncoding())) {
                    return super.getWriter();
                }
                utf8Writer = new PrintWriter(new Utf8Writer(super.getOutputStream()));
            }
            return utf8Writer;
        }
        if (capturedWriter == null) {
            capturedWriter = new PrintWriter(new OutputStreamWriter(captured, StandardCharsets.UTF_8));
        }
        return capturedWriter;
    }

    /** Called once the servlet has returned: rewrites a captured error body. */
    void finish() throws IOException {
        if (captured == null || errorWritten) {
            return;
        }
        if (capturedWriter != null) {
            capturedWriter.flush();
        }
        Object[] codeAndMessage = sdkError(captured.toString(StandardCharsets.UTF_8));
        captured = null;
        writeError(getStatus(), (Integer) codeAndMessage[0], (String) codeAndMessage[1]);
    }

    /** Called when the chain threw: a generic 500 if nothing has been sent yet. */
    void failed() throws IOException {
        captured = null;
        if (!isCommitted()) {
            getResponse().resetBuffer();
            writeError(500, null, null);
        }
    }

    /** Called when the chain threw on something the client sent: this 4xx if nothing has been sent yet. */
    void refused(int status, String message) throws IOException {
        captured = null;
        if (!isCommitted()) {
            getResponse().resetBuffer();
            errorWritten = true;
            JsonErrors.write((HttpServletResponse) getResponse(), status, JsonErrors.codeFor(status), message, record.rpcId);
        }
    }

    private void writeError(int status, @Nullable Integer code, @Nullable String rawMessage) throws IOException {
        errorWritten = true;
        HttpServletResponse response = (HttpServletResponse) getResponse();
        int rpcCode = code != null && status < 500 ? code : JsonErrors.codeFor(status);
        JsonErrors.write(response, status, rpcCode, safeMessage(status, rawMessage), record.rpcId);
    }

    static String safeMessage(int status, @Nullable String message) {
        if (status < 500 && message != null) {
            if (message.startsWith("Invalid message format")) {
                return "Invalid JSON-RPC message";
            }
            for (String prefix : SAFE_PREFIXES) {
                if (message.startsWith(prefix)) {
                    return message.length() > 300 ? message.substring(0, 300) : message;
                }
            }
        }
        return JsonErrors.defaultMessage(status);
    }

    /** The code and message of a serialized {@code McpError}, or nulls if it is something else. */
    private static Object[] sdkError(String body) {
        try {
            if (MAPPER.readValue(body, Object.class) instanceof Map<?, ?> error) {
                Object rpcError = error.get("jsonRpcError");
                Map<?, ?> source = rpcError instanceof Map<?, ?> nested ? nested : error;
                Object code = source.get("code");
                Object message = source.get("message");
                return new Object[] {code instanceof Integer number ? number : null,
                        message instanceof String text ? text : null};
            }
        } catch (RuntimeException e) {
            // Not JSON: fall through to the generic message for the status.
        }
        return new Object[] {null, null};
    }
}
