package com.mcpportal.portal.isolation;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the portal serves, read from Spring's handler mapping, so a new controller is covered the day it is
 * written: pages with GET and POST (what a browser sends), REST routes ({@code /api/**}) with every method they
 * declare. Spring's error endpoint and springdoc's documents are left out (no team data; OpenApiIntegrationTests).
 */
final class PortalRoutes {

    private static final Set<String> FRAMEWORK_ROUTES = Set.of("/error");
    private static final String FRAMEWORK_PACKAGE = "org.springdoc";
    private static final Set<RequestMethod> API_METHODS = Set.of(RequestMethod.GET, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");

    private PortalRoutes() {
    }

    /** One method on one path pattern, and the controller method that answers it. */
    record Route(String method, String pattern, Set<String> variables, HandlerMethod handler) {

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean get() {
            return "GET".equals(method);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static List<Route> of(RequestMappingHandlerMapping mapping) {
        Set<Route> routes = new TreeSet<>(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
            if (handler.getValue().getBeanType().getName().startsWith(FRAMEWORK_PACKAGE)) {
                continue;
            }
            RequestMappingInfo info = handler.getKey();
            Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (FRAMEWORK_ROUTES.contains(pattern)) {
                    continue;
                }
                boolean api = pattern.startsWith("/api/");
                Set<RequestMethod> methods = !declared.isEmpty() ? declared
                        : api ? API_METHODS : Set.of(RequestMethod.GET, RequestMethod.POST);
                for (RequestMethod method : methods) {
                    if (api ? API_METHODS.contains(method)
                            : method == RequestMethod.GET || method == RequestMethod.POST) {
                        routes.add(new Route(method.name(), pattern, variablesOf(pattern), handler.getValue()));
                    }
                }
            }
        }
        return List.copyOf(routes);
    }

    /** The pattern with its variables filled in. */
    static String expand(String pattern, Map<String, String> variables) {
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        StringBuilder uri = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(uri, Matcher.quoteReplacement(variables.get(matcher.group(1))));
        }
        matcher.appendTail(uri);
        return uri.toString();
    }

    private static Set<String> variablesOf(String pattern) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
