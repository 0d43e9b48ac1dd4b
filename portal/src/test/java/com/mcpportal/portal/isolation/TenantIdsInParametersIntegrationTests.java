package com.mcpportal.portal.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.isolation.PortalCalls.Caller;
import com.mcpportal.portal.isolation.PortalRoutes.Route;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
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
 * Tenant isolation for ids that travel in query strings and bodies rather than in the path: audit cursors
 * ({@code before}, {@code after}, {@code cursor}), {@code team=}, a key's {@code environmentIds} in a form or JSON.
 * The owner of another team calls every route whose controller method reads such a parameter
 * ({@link PortalCalls#parameterNames}), on their own team's things, with the victim's ids in those parameters:
 * <ul>
 *     <li>no answer contains the victim's names, and no answer is a server error;</li>
 *     <li>a read answers exactly as it does for ids that do not exist (it neither confirms nor brackets anything
 *     of the victim's), unless the route answers differently on every call anyway (an export audits itself);</li>
 *     <li>the victim's data, which includes every key of any team scoped to the victim's environments, is unchanged.</li>
 * </ul>
 */
@PortalIntegrationTest
class TenantIdsInParametersIntegrationTests {

    /** An id no row has. */
    private static final String UNKNOWN_ID = "987654321";

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
    void anotherTeamsIdsInQueriesAndBodiesAreAnsweredLikeIdsThatDoNotExist() throws Exception {
        UserAccount victimOwner = data.user("victim-owner");
        Team victimTeam = data.team("Victim Team", victimOwner);
        TeamResources victims = TeamResources.createIn(new VictimTeam(victimTeam.getId(), victimTeam.getName(),
                victimOwner.getId(), victimOwner.getUsername()), context);
        UserAccount attacker = data.user("attacker");
        Team attackerTeam = data.team("Attacker Team", attacker);
        TeamResources own = TeamResources.createIn(new VictimTeam(attackerTeam.getId(), attackerTeam.getName(),
                attacker.getId(), attacker.getUsername()), context);
        List<Object> before = victims.snapshot();
        Caller caller = new Caller(TestData.principal(attacker), attacker,
                new AccessTokensForTests(context).issue(attacker));
        PortalCalls calls = new PortalCalls(mvc);

        List<String> attacked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Route route : PortalRoutes.of(handlerMapping)) {
            for (String name : PortalCalls.parameterNames(route.handler())) {
                String victimValue = victims.parameter(name);
                if (victimValue != null) {
                    // One parameter at a time: a refused team= would hide what a cursor beside it does.
                    attacked.add(route + "?" + name + "=");
                    attack(calls, route, own.variables(), caller, Map.of(name, victimValue),
                            Map.of(name, victimValue.matches("\\d+") ? UNKNOWN_ID : victimValue), victims, problems);
                }
            }
        }

        assertThat(attacked).as("routes reading ids from parameters").contains("GET /audit?before=", "GET /audit?after=",
                "GET /audit?team=", "POST /teams/{teamId}/api-keys?environmentIds=",
                "POST /api/v1/teams/{teamId}/keys?environmentIds=", "GET /api/v1/teams/{teamId}/audit-events?cursor=");
        assertThat(problems).as("Isolation failures through parameters (caller %s):%n%s", attacker.getUsername(),
                String.join("\n", problems)).isEmpty();
        assertThat(victims.snapshot()).as("the victim team's data after the attack").isEqualTo(before);
    }

    /**
     * Calls the route with the victim's id; a read is first called twice with an id nobody has, and when those two
     * answers agree, the victim's id must get the same answer.
     */
    private static void attack(PortalCalls calls, Route route, Map<String, String> own, Caller caller,
                               Map<String, String> ids, Map<String, String> unknown, TeamResources victims,
                               List<String> problems) throws Exception {
        String expected = null;
        if (route.get()) {
            String first = PortalCalls.comparable(calls.call(route, own, caller, unknown));
            String again = PortalCalls.comparable(calls.call(route, own, caller, unknown));
            expected = first.equals(again) ? again : null;
        }
        MockHttpServletResponse response = calls.call(route, own, caller, ids);
        if (response.getStatus() >= 500) {
            problems.add(route + " with " + PortalCalls.describe(ids) + " answered " + response.getStatus());
        }
        PortalCalls.leaks(route, response, victims.secrets()).ifPresent(problems::add);
        if (expected != null && !expected.equals(PortalCalls.comparable(response))) {
            problems.add(route + " answered " + PortalCalls.describe(ids) + " (the victim's) differently from "
                    + PortalCalls.describe(unknown) + " (nobody's)");
        }
    }
}
