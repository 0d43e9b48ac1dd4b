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

/**
 * Refuses every path that is not spelled the one plain way. Tomcat strips path parameters, merges
 * slashes, decodes and resolves dot segments before it picks a servlet, so {@code /mcp;x=1},
 * {@code //mcp}, {@code /%6dcp} and {@code /x/../mcp} all reach the MCP servlet: nothing behind
 * this filter has to know how many spellings a path has. Encoded slashes and backslashes never get
 * this far: the connector refuses them (see {@link HttpServer}).
 */
final class PathFilter implements Filter {

    static final String MESSAGE = "Bad request: send the path as it is (/mcp, /sse, /message or /health),"
            + " without path parameters (;), percent-encoding, or empty or dot segments";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!request.getRequestURI().equals(path(request))) {
            JsonErrors.write((HttpServletResponse) res, 400, JsonErrors.INVALID_REQUEST, MESSAGE, null);
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
    static String endpoint(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        return mapping != null && mapping.getMappingMatch() == MappingMatch.EXACT ? mapping.getPattern() : null;
    }
}
