package com.mcpportal.portal.isolation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.isolation.PortalCalls.Caller;
import com.mcpportal.portal.isolation.PortalRoutes.Route;
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
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Tenant isolation, the portal's most important property. Every route the portal serves ({@link PortalRoutes}) is
 * called by the owner of another team, with path variables filled with the victim team's ids: pages with GET and
 * POST in a signed-in session, REST routes with every method they declare and the attacker's real access token:
 * <ul>
 *     <li>routes with path variables must answer 403 or 404, also when {@code teamId} is the caller's own team
 *     and the other ids belong to the victim (the "right team, foreign object" mistake);</li>
 *     <li>routes without path variables (team list, own account) may answer, but never with the victim's data;
 *     {@code /admin/**} must answer 403;</li>
 *     <li>no response contains the victim's names, and the victim's data is unchanged afterwards.</li>
 * </ul>
 * Ids come from {@link TenantFixture}s; a route with a variable no fixture fills fails the test. Ids in query
 * strings and bodies are attacked by {@link TenantIdsInParametersIntegrationTests}.
 */
@PortalIntegrationTest
class TenantIsolationIntegrationTests {

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
    void noRouteLetsAMemberOfAnotherTeamSeeOrChangeItsData() throws Exception {
        UserAccount victimOwner = data.user("victim-owner");
        Team victimTeam = data.team("Victim Team", victimOwner);
        // The attacker signs in with an identity provider and owns their team through a group.
        Team attackerTeam = data.team("Attacker Team", data.user("attacker-team-founder"));
        SsoAccounts sso = new SsoAccounts(context);
        sso.mapGroup(attackerTeam, "attacker-owners", TeamRole.OWNER);
        UserAccount attacker = sso.signIn("attacker", List.of("attacker-owners"));
        VictimTeam victim = new VictimTeam(victimTeam.getId(), victimTeam.getName(), victimOwner.getId(),
                victimOwner.getUsername());
        TeamResources victims = TeamResources.createIn(victim, context);
        List<Object> before = victims.snapshot();

        List<Route> routes = PortalRoutes.of(handlerMapping);
        assertThat(routes).as("the handler mapping lists the portal's routes")
                .extracting(Route::pattern).contains("/teams/{teamId}", "/teams/{teamId}/members/{userId}/remove");
        assertThat(routes).as("REST routes are attacked with every method they declare").extracting(Route::toString)
                .contains("PATCH /api/v1/teams/{teamId}/environments/{environmentId}",
                        "DELETE /api/v1/teams/{teamId}/environments/{environmentId}",
                        "POST /api/v1/teams/{teamId}/environments/{environmentId}/deprovision");
        failOnRoutesWithoutFixtures(routes, victims.variables());

        String token = new AccessTokensForTests(context).issue(attacker);
        mvc.perform(request(HttpMethod.GET, "/api/v1/teams/" + attackerTeam.getId() + "/environments")
                .with(AccessTokensForTests.bearer(token))).andExpect(result -> assertThat(result.getResponse()
                .getStatus()).as("the attacker's token opens the attacker's own team").isEqualTo(200));
        Caller attackerCalls = new Caller(TestData.principal(attacker), attacker, token);
        PortalCalls calls = new PortalCalls(mvc);
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            if (route.variables().isEmpty()) {
                MockHttpServletResponse response = calls.call(route, Map.of(), attackerCalls);
                int status = response.getStatus();
                if (route.pattern().startsWith("/admin") ? status != 403 : status >= 500) {
                    problems.add(route + " answered " + status + (route.pattern().startsWith("/admin")
                            ? " to a non-admin (expected 403)" : ""));
                }
                PortalCalls.leaks(route, response, victims.secrets()).ifPresent(problems::add);
                continue;
            }
            attack(calls, route, victims.variables(), attackerCalls, victims, problems, "victim ids");
            if (route.variables().contains("teamId") && route.variables().size() > 1) {
                Map<String, String> ownTeam = new HashMap<>(victims.variables());
                ownTeam.put("teamId", attackerTeam.getId().toString());
                attack(calls, route, ownTeam, attackerCalls, victims, problems, "own teamId, victim's other ids");
            }
        }

        assertThat(problems).as("Tenant isolation failures (caller %s, victim team %s):%n%s", attacker.getUsername(),
                victim.teamName(), String.join("\n", problems)).isEmpty();
        assertThat(victims.snapshot()).as("the victim team's data after the attack").isEqualTo(before);
    }

    private static void attack(PortalCalls calls, Route route, Map<String, String> variables, Caller caller,
                               TeamResources victims, List<String> problems, String variant) throws Exception {
        MockHttpServletResponse response = calls.call(route, variables, caller);
        if (response.getStatus() != 403 && response.getStatus() != 404) {
            problems.add(route + " (" + variant + ") answered " + response.getStatus() + ", expected 403 or 404"
                    + (response.getRedirectedUrl() != null ? " (redirect to " + response.getRedirectedUrl() + ")" : ""));
        }
        PortalCalls.leaks(route, response, victims.secrets()).ifPresent(problems::add);
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
}
