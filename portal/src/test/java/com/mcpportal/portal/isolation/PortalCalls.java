package com.mcpportal.portal.isolation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.isolation.PortalRoutes.Route;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.user.UserAccount;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Calls routes as a signed-in user, with plausible values so that a missing access check shows up as a success
 * (a redirect, a 2xx), not as a validation error: pages in a session with a CSRF token, REST routes with the user's
 * personal access token.
 */
final class PortalCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;

    PortalCalls(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** Who calls: signed in to the pages as {@code principal}, to the REST API with {@code token}. */
    record Caller(PortalUserPrincipal principal, UserAccount account, String token) {
    }

    MockHttpServletResponse call(Route route, Map<String, String> variables, Caller caller) throws Exception {
        return call(route, variables, caller, Map.of());
    }

    /**
     * The route with its path variables, plus {@code ids} as query or form parameters and, for a REST body, as JSON
     * fields (a list for a plural name such as {@code environmentIds}), with what a form needs around them to be
     * accepted (a key scoped to {@code selected} environments, say).
     */
    MockHttpServletResponse call(Route route, Map<String, String> variables, Caller caller, Map<String, String> ids)
            throws Exception {
        String uri = PortalRoutes.expand(route.pattern(), variables);
        UserAccount self = caller.account();
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(route.method()), uri);
        ids.forEach(request::param);
        if (route.api()) {
            request.with(AccessTokensForTests.bearer(caller.token()));
            if (!route.get() && !"DELETE".equals(route.method())) {
                Map<String, Object> body = new LinkedHashMap<>(Map.of("name", TestData.unique("Isolation probe"),
                        "username", self.getUsername(), "role", "OWNER", "admin", true, "imageTag", "probe",
                        "elevenLabsApiKey", "xi-isolation-probe", "logRetentionDays", 14, "enabled", false));
                if (!ids.isEmpty()) {
                    body.putAll(Map.of("allEnvironments", false, "expiresInDays", 30));
                    ids.forEach((name, value) -> body.put(name, jsonValue(name, value)));
                }
                request.contentType("application/json").header("Idempotency-Key", TestData.unique("isolation"))
                        .content(JSON.writeValueAsString(body));
            }
            return perform(request);
        }
        request.with(user(caller.principal()));
        if ("POST".equals(route.method())) {
            // "username" is the caller: a broken "add member" would add them.
            request.with(csrf())
                    .param("name", TestData.unique("Isolation probe"))
                    .param("username", self.getUsername())
                    .param("role", "OWNER")
                    .param("admin", "true");
            if (!ids.isEmpty()) {
                request.param("scope", "selected").param("lifetime", "30");
            }
        }
        return perform(request);
    }

    /** The whole answer, also of a streamed download (an audit export), which ends in an asynchronous dispatch. */
    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        return result.getResponse();
    }

    /** The names of every query, form and JSON parameter the route's controller method reads (not path variables). */
    static Set<String> parameterNames(HandlerMethod handler) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                continue;
            }
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                names.add(!param.name().isEmpty() ? param.name() : parameter.getParameterName());
            }
            else if (parameter.getParameterType().isRecord()) {
                for (var component : parameter.getParameterType().getRecordComponents()) {
                    names.add(component.getName());
                }
            }
        }
        return names;
    }

    /** A victim's string that the response shows, if any: in its body or where it redirects. */
    static Optional<String> leaks(Route route, MockHttpServletResponse response, Set<String> secrets)
            throws Exception {
        String body = response.getContentAsString();
        String location = String.valueOf(response.getRedirectedUrl());
        return secrets.stream().filter(secret -> body.contains(secret) || location.contains(secret)).findFirst()
                .map(secret -> route + " showed the victim's '" + secret + "'");
    }

    /** The body with what differs on every answer anyway (CSRF tokens, one-time form tokens) taken out. */
    static String comparable(MockHttpServletResponse response) throws Exception {
        return response.getStatus() + " " + response.getRedirectedUrl() + "\n" + response.getContentAsString()
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>");
    }

    private static Object jsonValue(String name, String value) {
        Object single = value.matches("\\d{1,18}") ? Long.valueOf(value) : value;
        return name.endsWith("Ids") ? List.of(single) : single;
    }

    static String describe(Map<String, String> ids) {
        return ids.entrySet().stream().map(id -> id.getKey() + "=" + id.getValue()).collect(Collectors.joining("&"));
    }
}
