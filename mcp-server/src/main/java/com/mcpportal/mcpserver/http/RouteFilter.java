package com.mcpportal.mcpserver.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Lets a request through only on the one plain spelling of its path and with a method its endpoint
 * serves. Tomcat strips path parameters, merges slashes, decodes and resolves dot segments before
 * it picks a servlet, so {@code /mcp;x=1}, {@code //mcp}, {@code /%6dcp} and {@code /x/../mcp} all
 * reach the MCP servlet: refused here (400), nothing behind this filter has to know how many
 * spellings a path has. Encoded slashes and backslashes never get this far: the connector refuses
 * them (see {@link HttpServer}). Other methods get 405 with {@code Allow}, not the servlet's 501,
 * which would count as the server's error.
 */
final class RouteFilter implements Filter {

    static final String BAD_PATH = "Bad request: send the path as it is (/mcp, /sse, /message or /health),"
            + " without path parameters (;), percent-encoding, or empty or dot segments";

    private final Map<String, List<String>> methods;

    /** @param methods per endpoint, the methods it serves; unknown paths take any (and get 404) */
    RouteFilter(Map<String, List<String>> methods) {
        this.methods = Map.copyOf(methods);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!request.getRequestURI().equals(path(request))) {
            JsonErrors.write(response, 400, JsonErrors.INVALID_REQUEST, BAD_PATH, null);
            return;
        }
        String endpoint = endpoint(request);
        List<String> allowed = endpoint == null ? null : methods.get(endpoint);
        if (allowed != null && !allowed.contains(request.getMethod())) {
            String allow = String.join(", ", allowed);
            response.setHeader("Allow", allow);
            JsonErrors.write(response, 405, JsonErrors.SERVER_ERROR,
                    "Method not allowed: " + endpoint + " takes " + allow, null);
            return;
        }
        chain.doFilter(req, res);
    }

    /** The path as Tomcat understood it: decoded and normalized, path parameters removed. */
    static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getContextPath() + request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /**
     * The endpoint the request was routed to ({@code /mcp}, {@code /sse}, {@code /message},
     * {@code /health}), whatever its spelling; {@code null} for an unknown path.
     */
    static @Nullable String endpoint(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        return mapping != null && mapping.getMappingMatch() == MappingMatch.EXACT ? mapping.getPattern() : null;
    }
}
