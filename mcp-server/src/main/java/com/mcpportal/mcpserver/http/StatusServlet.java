package com.mcpportal.mcpserver.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** {@code GET /health} for ECS and load balancers, and a JSON 404 for every unknown path. */
final class StatusServlet {

    private StatusServlet() {
    }

    /** 200 while serving, 503 once shutdown has begun; no secrets, no configuration. */
    static HttpServlet health(BooleanSupplier stopping) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                boolean down = stopping.getAsBoolean();
                byte[] body = (down ? "{\"status\":\"stopping\"}" : "{\"status\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
                response.setStatus(down ? 503 : 200);
                response.setContentType("application/json");
                response.setHeader("Cache-Control", "no-store");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        };
    }

    static HttpServlet notFound() {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                JsonErrors.write(response, 404, JsonErrors.SERVER_ERROR,
                        "Not found: the MCP endpoint is /mcp (or /sse for the legacy SSE transport)", null);
            }
        };
    }
}
