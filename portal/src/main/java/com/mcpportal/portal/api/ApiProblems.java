package com.mcpportal.portal.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Problem details written straight to the response, for answers given before any controller runs (the API's
 * security filters: 401, 403). Same shape as {@link ApiProblemAdvice}'s: type, title, status, detail.
 */
public final class ApiProblems {

    private ApiProblems() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String type, String title,
            String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ApiProblemAdvice.TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonMapper.shared().writeValueAsString(body));
    }
}
