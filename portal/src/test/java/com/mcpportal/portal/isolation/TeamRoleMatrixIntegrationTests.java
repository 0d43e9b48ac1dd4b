package com.mcpportal.portal.isolation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.isolation.PortalCalls.Caller;
import com.mcpportal.portal.isolation.PortalRoutes.Route;
import com.mcpportal.portal.isolation.RoleMatrix.Access;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.SsoAccounts;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Within one team, every route ({@link PortalRoutes}) gives a VIEWER and an OPERATOR exactly what their role allows
 * ({@link RoleMatrix}): 403 where the role is too small (and nothing changes), the page or the action where it is
 * enough. Pages are called in a signed-in session, REST routes with the member's own access token, on the team's
 * real things (from the {@link TenantFixture}s). Actions that destroy an environment get a fresh one each, so the
 * routes after them still have something to act on.
 */
@PortalIntegrationTest
class TeamRoleMatrixIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Test
    void viewersAndOperatorsGetExactlyWhatTheirRoleAllowsOnEveryRoute() throws Exception {
        List<Route> routes = PortalRoutes.of(handlerMapping);
        assertThat(routes.stream().map(Route::toString).filter(route -> !RoleMatrix.ROUTES.containsKey(route)))
                .as("routes the role matrix does not list yet (add each to RoleMatrix with who may use it)").isEmpty();
        assertThat(RoleMatrix.ROUTES.keySet()).as("role matrix entries for routes that no longer exist")
                .allMatch(entry -> routes.stream().anyMatch(route -> route.toString().equals(entry)));

        UserAccount owner = data.user("matrix-owner");
        Team team = data.team("Matrix Team", owner);
        TeamResources resources = TeamResources.createIn(new VictimTeam(team.getId(), team.getName(), owner.getId(),
                owner.getUsername()), context);
        List<String> problems = new ArrayList<>();
        SsoAccounts sso = new SsoAccounts(context);
        sso.mapGroup(team, "matrix-operators", TeamRole.OPERATOR);
        for (TeamRole role : List.of(TeamRole.VIEWER, TeamRole.OPERATOR)) {
            // The viewer is a local account added by hand; the operator signed in with an identity provider and
            // holds the role through a group.
            UserAccount member = role == TeamRole.OPERATOR ? sso.signIn("matrix-operator", List.of("matrix-operators"))
                    : data.user("matrix-" + role.name().toLowerCase());
            if (role == TeamRole.VIEWER) {
                data.addMember(team, member, role);
            }
            Caller caller = new Caller(TestData.principal(member), member,
                    new AccessTokensForTests(context).issue(member));
            check(role, caller, routes, resources, problems);
        }
        assertThat(problems).as("Role matrix failures in team %s:%n%s", team.getName(), String.join("\n", problems))
                .isEmpty();
    }

    /** First every refusal (which must change nothing), then every allowed call, the destructive ones last. */
    private void check(TeamRole role, Caller caller, List<Route> routes, TeamResources resources,
                       List<String> problems) throws Exception {
        PortalCalls calls = new PortalCalls(mvc);
        List<Object> before = resources.snapshot();
        List<Route> allowed = new ArrayList<>();
        for (Route route : routes) {
            Access access = RoleMatrix.ROUTES.get(route.toString());
            if (allows(access, role)) {
                allowed.add(route);
                continue;
            }
            int expected = access == Access.SOMEONE_ELSES ? 404 : 403;
            int status = calls.call(route, resources.variables(), caller).getStatus();
            if (status != expected && !(access == Access.SOMEONE_ELSES && status == 403)) {
                problems.add(role + " " + route + " (needs " + access + ") answered " + status + ", expected "
                        + expected);
            }
        }
        if (!resources.snapshot().equals(before)) {
            problems.add(role + ": the refused calls changed the team's data");
        }
        allowed.sort(Comparator.comparing(TeamRoleMatrixIntegrationTests::destroysTheEnvironment));
        for (Route route : allowed) {
            Map<String, String> variables = resources.variables();
            if (destroysTheEnvironment(route)) {
                variables = new HashMap<>(variables);
                variables.put("environmentId", new Environments(context)
                        .ready(Long.parseLong(variables.get("teamId")), "matrix-doomed").getId().toString());
            }
            MockHttpServletResponse response = calls.call(route, variables, caller);
            int status = response.getStatus();
            boolean answered = route.get() ? status < 400 : status != 403 && status != 404 && status < 500;
            if (!answered) {
                problems.add(role + " " + route + " (allowed: needs " + RoleMatrix.ROUTES.get(route.toString())
                        + ") answered " + status + (response.getRedirectedUrl() == null ? ""
                        : " (redirect to " + response.getRedirectedUrl() + ")"));
            }
        }
    }

    private static boolean allows(Access access, TeamRole role) {
        return access == Access.ANY_USER || (access.teamRole() && role.includes(access.role()));
    }

    private static boolean destroysTheEnvironment(Route route) {
        return route.pattern().endsWith("/deprovision")
                || ("DELETE".equals(route.method()) && route.pattern().endsWith("/environments/{environmentId}"));
    }
}
