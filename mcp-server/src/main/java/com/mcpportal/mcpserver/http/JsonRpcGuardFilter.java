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

/**
 * Reads a POSTed JSON-RPC body once, with a size cap, before the SDK sees it: oversize bodies get
 * 413 and malformed JSON gets a JSON-RPC parse error, both as short JSON. The method and tool name
 * go into the request record.
 */
final class JsonRpcGuardFilter implements Filter {

    private final int maxBytes;
    private final Set<String> paths;

    JsonRpcGuardFilter(int maxBytes, Set<String> paths) {
        this.maxBytes = maxBytes;
        this.paths = Set.copyOf(paths);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!"POST".equals(request.getMethod()) || !paths.contains(request.getRequestURI())) {
            chain.doFilter(req, res);
            return;
        }
        RequestRecord record = (RequestRecord) request.getAttribute(RequestRecord.ATTRIBUTE);
        byte[] body = request.getContentLengthLong() > maxBytes ? null : readUpTo(request.getInputStream());
        if (body == null) {
            JsonErrors.write(response, 413, JsonErrors.SERVER_ERROR,
                    "Request body too large: the limit is " + maxBytes + " bytes", null);
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

    /** The whole body, or {@code null} once it passes the cap. */
    private byte[] readUpTo(InputStream in) throws IOException {
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
