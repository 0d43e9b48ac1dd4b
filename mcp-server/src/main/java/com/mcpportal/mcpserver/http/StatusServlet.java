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

    /**
     * 200 while serving, 503 once shutdown has begun; no secrets, no configuration. A stale key
     * set is {@code degraded} with 200: a new task could not load the set either (it would not
     * even start), and this one recovers by itself at the next successful reload, while a 503
     * would make ECS replace it in a loop and take the environment's fixed keys down with it.
     */
    static HttpServlet health(BooleanSupplier stopping, BooleanSupplier keySetStale) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                boolean down = stopping.getAsBoolean();
                String status = down ? "{\"status\":\"stopping\"}"
                        : keySetStale.getAsBoolean() ? "{\"status\":\"degraded\",\"key_set\":\"stale\"}" : "{\"status\":\"ok\"}";
                byte[] body = status.getBytes(StandardCharsets.UTF_8);
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
