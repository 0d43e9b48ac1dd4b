package com.mcpportal.portal.isolation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Tenant isolation, the portal's most important property. Every route the portal serves (read from Spring's
 * handler mapping, so a new controller is covered the day it is written) is called by the owner of another team,
 * with path variables filled with the victim team's ids: pages with GET and POST in a signed-in session, REST
 * routes ({@code /api/**}) with every method they declare and the attacker's real personal access token:
 * <ul>
 *     <li>routes with path variables must answer 403 or 404, also when {@code teamId} is the caller's own team
 *     and the other ids belong to the victim (the "right team, foreign object" mistake);</li>
 *     <li>routes without path variables (team list, own account) may answer, but never with the victim's data;
 *     {@code /admin/**} must answer 403;</li>
 *     <li>no response contains the victim's names, and the victim's data is unchanged afterwards.</li>
 * </ul>
 * Ids come from {@link TenantFixture}s; a route with a variable no fixture fills fails the test.
 */
@PortalIntegrationTest
class TenantIsolationIntegrationTests {

    /** Spring's own error endpoint, not a portal page. */
    private static final Set<String> FRAMEWORK_ROUTES = Set.of("/error");

    /** springdoc's OpenAPI document and Swagger UI hold no team data (OpenApiIntegrationTests covers them). */
    private static final String FRAMEWORK_PACKAGE = "org.springdoc";

    private static final Set<RequestMethod> API_METHODS = Set.of(RequestMethod.GET, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    record Route(String method, String pattern, Set<String> variables) {

        boolean api() {
            return pattern.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @Test
    void noRouteLetsAMemberOfAnotherTeamSeeOrChangeItsData() throws Exception {
        UserAccount victimOwner = data.user("victim-owner");
        Team victimTeam = data.team("Victim Team", victimOwner);
        UserAccount attacker = data.user("attacker");
        Team attackerTeam = data.team("Attacker Team", attacker);
        VictimTeam victim = new VictimTeam(victimTeam.getId(), victimTeam.getName(), victimOwner.getId(),
                victimOwner.getUsername());

        Map<String, String> variables = new HashMap<>();
        Set<String> secrets = new LinkedHashSet<>();
        List<Supplier<Object>> states = new ArrayList<>();
        for (TenantFixture fixture : fixtures()) {
            TenantFixtureResult created = fixture.createIn(victim, context);
            variables.putAll(created.pathVariables());
            secrets.addAll(created.secrets());
            states.add(created.state());
        }
        List<Object> before = states.stream().map(Supplier::get).toList();

        List<Route> routes = routes();
        assertThat(routes).as("the handler mapping lists the portal's routes")
                .extracting(Route::pattern).contains("/teams/{teamId}", "/teams/{teamId}/members/{userId}/remove");
        assertThat(routes).as("REST routes are attacked with every method they declare").extracting(Route::toString)
                .contains("PATCH /api/v1/teams/{teamId}/environments/{environmentId}",
                        "DELETE /api/v1/teams/{teamId}/environments/{environmentId}",
                        "POST /api/v1/teams/{teamId}/environments/{environmentId}/deprovision");
        failOnRoutesWithoutFixtures(routes, variables);

        PortalUserPrincipal caller = TestData.principal(attacker);
        String token = new AccessTokensForTests(context).issue(attacker);
        mvc.perform(request(HttpMethod.GET, "/api/v1/teams/" + attackerTeam.getId() + "/environments")
                .with(AccessTokensForTests.bearer(token))).andExpect(result -> assertThat(result.getResponse()
                .getStatus()).as("the attacker's token opens the attacker's own team").isEqualTo(200));
        Caller attackerCalls = new Caller(caller, attacker, token);
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            if (route.variables().isEmpty()) {
                MockHttpServletResponse response = call(route, Map.of(), attackerCalls);
                int status = response.getStatus();
                if (route.pattern().startsWith("/admin") ? status != 403 : status >= 500) {
                    problems.add(route + " answered " + status + (route.pattern().startsWith("/admin")
                            ? " to a non-admin (expected 403)" : ""));
                }
                leaks(route, response, secrets).ifPresent(problems::add);
                continue;
            }
            attack(route, variables, attackerCalls, secrets, problems, "victim ids");
            if (route.variables().contains("teamId") && route.variables().size() > 1) {
                Map<String, String> ownTeam = new HashMap<>(variables);
                ownTeam.put("teamId", attackerTeam.getId().toString());
                attack(route, ownTeam, attackerCalls, secrets, problems, "own teamId, victim's other ids");
            }
        }

        assertThat(problems).as("Tenant isolation failures (caller %s, victim team %s):%n%s", attacker.getUsername(),
                victim.teamName(), String.join("\n", problems)).isEmpty();
        assertThat(states.stream().map(Supplier::get).toList()).as("the victim team's data after the attack")
                .isEqualTo(before);
    }

    /** The attacker: signed in to the pages as {@code principal}, to the REST API with {@code token}. */
    private record Caller(PortalUserPrincipal principal, UserAccount account, String token) {
    }

    private void attack(Route route, Map<String, String> variables, Caller caller, Set<String> secrets,
                        List<String> problems, String variant) throws Exception {
        MockHttpServletResponse response = call(route, variables, caller);
        if (response.getStatus() != 403 && response.getStatus() != 404) {
            problems.add(route + " (" + variant + ") answered " + response.getStatus() + ", expected 403 or 404"
                    + (response.getRedirectedUrl() != null ? " (redirect to " + response.getRedirectedUrl() + ")" : ""));
        }
        leaks(route, response, secrets).ifPresent(problems::add);
    }

    private MockHttpServletResponse call(Route route, Map<String, String> variables, Caller caller)
            throws Exception {
        String uri = expand(route.pattern(), variables);
        UserAccount attacker = caller.account();
        if (route.api()) {
            // Plausible JSON for any feature's body, so a missing check shows up as a success, not a 422.
            MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(route.method()), uri)
                    .with(AccessTokensForTests.bearer(caller.token()));
            if (!"GET".equals(route.method()) && !"DELETE".equals(route.method())) {
                request.contentType("application/json").header("Idempotency-Key", TestData.unique("isolation"))
                        .content("""
                                {"name":"%s","username":"%s","role":"OWNER","admin":true,"imageTag":"probe",
                                 "elevenLabsApiKey":"xi-isolation-probe","logRetentionDays":14,"enabled":false}"""
                                .formatted(TestData.unique("Isolation probe"), attacker.getUsername()));
            }
            return mvc.perform(request).andReturn().getResponse();
        }
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(route.method()), uri)
                .with(user(caller.principal()));
        if ("POST".equals(route.method())) {
            // Plausible form values, so a missing access check shows up as a successful action (a redirect),
            // not as a validation error. "username" is the attacker: a broken "add member" would add them.
            request.with(csrf())
                    .param("name", TestData.unique("Isolation probe"))
                    .param("username", attacker.getUsername())
                    .param("role", "OWNER")
                    .param("admin", "true");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Optional<String> leaks(Route route, MockHttpServletResponse response, Set<String> secrets)
            throws Exception {
        String body = response.getContentAsString();
        String location = String.valueOf(response.getRedirectedUrl());
        for (String secret : secrets) {
            if (body.contains(secret) || location.contains(secret)) {
                return Optional.of(route + " showed the victim's '" + secret + "'");
            }
        }
        return Optional.empty();
    }

    private static void failOnRoutesWithoutFixtures(List<Route> routes, Map<String, String> variables) {
        List<String> missing = new ArrayList<>();
        for (Route route : routes) {
            for (String variable : route.variables()) {
                if (!variables.containsKey(variable)) {
                    missing.add(route + " has path variable {" + variable + "}");
                }
            }
        }
        if (!missing.isEmpty()) {
            fail("""
                    The tenant-isolation test cannot fill these path variables:
                      %s
                    Add a TenantFixture for your feature: a class in your feature's test package implementing
                    com.mcpportal.portal.isolation.TenantFixture (see TeamTenantFixture) whose createIn(victim, context)
                    creates the resource in the victim team and returns its id under the variable's name, e.g.
                    Map.of("environmentId", id), plus the names that must never leak and a snapshot of its state.
                    It is found automatically; nothing else needs registering.""".formatted(String.join("\n  ", missing)));
        }
    }

    private List<Route> routes() {
        Set<Route> routes = new TreeSet<>(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlerMapping.getHandlerMethods().entrySet()) {
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
                        routes.add(new Route(method.name(), pattern, variablesOf(pattern)));
                    }
                }
            }
        }
        return List.copyOf(routes);
    }

    private static Set<String> variablesOf(String pattern) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String expand(String pattern, Map<String, String> variables) {
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        StringBuilder uri = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(uri, Matcher.quoteReplacement(variables.get(matcher.group(1))));
        }
        matcher.appendTail(uri);
        return uri.toString();
    }

    private static List<TenantFixture> fixtures() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(TenantFixture.class));
        return scanner.findCandidateComponents("com.mcpportal.portal").stream()
                .map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
                .sorted(Comparator.comparing(Class::getName))
                .map(type -> (TenantFixture) BeanUtils.instantiateClass(type))
                .toList();
    }
}
