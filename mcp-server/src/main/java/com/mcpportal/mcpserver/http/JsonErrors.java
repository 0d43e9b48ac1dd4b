package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.log.JsonText;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Error bodies in the JSON-RPC shape MCP clients already parse
 * ({@code {"jsonrpc":"2.0","id":null,"error":{"code":…,"message":…}}}), for every error the server
 * or its container answers. Messages are ours, never an exception's.
 */
final class JsonErrors {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INTERNAL_ERROR = -32603;
    static final int SERVER_ERROR = -32000;

    private JsonErrors() {
    }

    static String body(int code, String message, @Nullable String rawId) {
        StringBuilder out = new StringBuilder(96 + message.length());
        out.append("{\"jsonrpc\":\"2.0\",\"id\":").append(rawId == null ? "null" : rawId)
                .append(",\"error\":{\"code\":").append(code).append(",\"message\":");
        return JsonText.quote(out, message).append("}}").toString();
    }

    /** Writes the status and body to an uncommitted response; the caller sets any extra headers. */
    static void write(HttpServletResponse response, int status, int code, String message, @Nullable String rawId)
            throws IOException {
        if (response instanceof SafeErrorResponse safe) {
            // Our own errors are already safe: write past the wrapper that rewrites the SDK's.
            response = (HttpServletResponse) safe.getResponse();
        }
        byte[] bytes = body(code, message, rawId).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The message we show for a status when we have nothing more specific. */
    static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type: Content-Type must be application/json";
            case 421 -> "Misdirected request: invalid Host header";
            case 429 -> "Too many requests";
            case 503 -> "Server is shutting down";
            default -> status >= 500 ? "Internal server error" : "Request failed";
        };
    }

    static int codeFor(int status) {
        return status == 400 ? INVALID_REQUEST : status >= 500 ? INTERNAL_ERROR : SERVER_ERROR;
    }
}
