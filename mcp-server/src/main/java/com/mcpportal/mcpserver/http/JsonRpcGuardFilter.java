package com.mcpportal.mcpserver.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Caps request bodies and reads a POSTed JSON-RPC body once, before the SDK sees it: a body declared
 * over the cap gets 413 on every route; on the endpoints that read bodies (found by the servlet
 * mapping, so no spelling of the path escapes) a longer body also gets 413, malformed JSON a
 * JSON-RPC parse error and anything but one JSON-RPC object (a batch) an invalid request, all as
 * short JSON. The method and tool name go into the request record. Other routes never read the
 * body: Tomcat discards what is left of it (up to its swallow limit, then it closes the connection).
 */
final class JsonRpcGuardFilter implements Filter {

    private final int maxBytes;
    private final Set<String> endpoints;

    /** @param endpoints the endpoints whose POST bodies are JSON-RPC messages */
    JsonRpcGuardFilter(int maxBytes, Set<String> endpoints) {
        this.maxBytes = maxBytes;
        this.endpoints = Set.copyOf(endpoints);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        String endpoint = RouteFilter.endpoint(request);
        if (!"POST".equals(request.getMethod()) || endpoint == null || !endpoints.contains(endpoint)) {
            chain.doFilter(req, res);
            return;
        }
        RequestRecord record = (RequestRecord) request.getAttribute(RequestRecord.ATTRIBUTE);
        byte[] body;
        try {
            body = readUpTo(request.getInputStream());
        } catch (IOException e) {
            // A broken chunk, a lying length or a client that left: the client's doing, not the server's.
            unreadable(response);
            return;
        }
        if (body == null) {
            tooLarge(response);
            return;
        }
        JsonRpcPeek peek;
        try {
            peek = JsonRpcPeek.of(body);
        } catch (IllegalArgumentException e) {
            JsonErrors.write(response, 400, JsonErrors.PARSE_ERROR, "Parse error: the body is not valid JSON", null);
            return;
        }
        if (!peek.object()) {
            JsonErrors.write(response, 400, JsonErrors.INVALID_REQUEST,
                    "Invalid request: send one JSON-RPC message as a JSON object (batches are not supported)", null);
            return;
        }
        record.rpcMethod = peek.method();
        record.rpcId = peek.rawId();
        record.tool = peek.tool();
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        JsonErrors.write(response, 413, JsonErrors.SERVER_ERROR,
                "Request body too large: the limit is " + maxBytes + " bytes", null);
    }

    private static void unreadable(HttpServletResponse response) {
        try {
            JsonErrors.write(response, 400, JsonErrors.INVALID_REQUEST, "Bad request: the body could not be read", null);
        } catch (IOException | IllegalStateException e) {
            // The connection is already gone; the request line still records the 400.
            response.setStatus(400);
        }
    }

    /** The whole body, or {@code null} once it passes the cap. */
    private byte @Nullable [] readUpTo(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
