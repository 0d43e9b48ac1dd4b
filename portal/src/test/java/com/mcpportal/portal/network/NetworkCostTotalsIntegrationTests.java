package com.mcpportal.portal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.cost.EnvironmentCostService;
import com.mcpportal.portal.cost.EnvironmentEstimate;
import com.mcpportal.portal.cost.TeamCostReport;
import com.mcpportal.portal.cost.TeamCostService;
import com.mcpportal.portal.cost.budget.TeamBudgets;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The issue's "Done means" through the cost feature itself: an environment in a shared network is priced there (its
 * own rows plus its part of the network's), so its own estimate, its team's total, the budget and the what-if all say
 * what the team pays, not what a network of its own would cost.
 */
@PortalIntegrationTest
class NetworkCostTotalsIntegrationTests {

    /** Two estimates worked out a few seconds apart over "the next 30 days" differ by far less than this. */
    private static final Offset<BigDecimal> SECONDS_APART = Offset.offset(new BigDecimal("0.005"));

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    Networks networks;

    @Autowired
    NetworkCosts networkCosts;

    @Autowired
    EnvironmentCostService costs;

    @Autowired
    TeamCostService teamCosts;

    @Autowired
    TeamBudgets budgets;

    @Test
    void fiveProvisionedEnvironmentsOfTwoTeamsInOneNetworkEachEstimateAtMost450AndTheTeamTotalsAndBudgetCountIt()
            throws Exception {
        // Given two teams and one eu-central-1 network shared with both, with five environments on the portal's
        // default schedule (weekdays 08–20 UTC), three of amber's and two of olive's, provisioned in the simulated cloud
        UserAccount dana = data.user("tot-dana");
        Team amber = data.team("Amber Totals", dana);
        UserAccount fred = data.user("tot-fred");
        Team olive = data.team("Olive Totals", fred);
        Environments environments = new Environments(context);
        Network shared = networks.createShared(new NetworkInput(TestData.unique("totals"),
                environments.simulatedAccountId(), "eu-central-1", "10.53.0.0/16", 1, false,
                List.of(amber.getId(), olive.getId())));
        List<Environment> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Team team = i < 3 ? amber : olive;
            Environment draft = environments.draft(team.getId(), "tot-" + i);
            networks.addEnvironment(team.getId(), shared.id(), draft.getId());
            members.add(draft);
        }
        for (Environment member : members) {
            Environments.enqueued(environments.operations().requestProvision(member.getId(), Actor.user("admin")));
        }
        members.replaceAll(member -> environments.awaitState(member.getId(), EnvironmentState.READY));

        // When each environment's own estimate is worked out, as its pages, the team totals and the REST API do
        NetworkCosts.View view = networkCosts.of(shared, networks.environmentsIn(shared.id()));
        for (Environment member : members) {
            EnvironmentEstimate estimate = costs.estimate(member);
            // Then it is at most $4.50 a month (about $7.45 with a network of its own), and it is the network's figure
            assertThat(estimate.monthlyUsd()).as(member.getName()).isLessThanOrEqualTo(new BigDecimal("4.50"));
            assertThat(estimate.network()).isNotNull();
            assertThat(estimate.network().aloneUsd()).isGreaterThan(new BigDecimal("7.40"));
            assertThat(estimate.monthlyUsd()).isCloseTo(memberOf(view, member).inNetworkUsd(), SECONDS_APART);
            assertThat(estimate.assumptions()).anySatisfy(said -> assertThat(said)
                    .contains("In shared network " + shared.name()).contains("20.0 %"));
            // And 24/7 in the network it is still less than 24/7 with a network of its own
            assertThat(estimate.cost().alwaysOn().totalUsd())
                    .isLessThan(costs.alone(member).cost().alwaysOn().totalUsd());
        }

        // And each team's total is its environments' figures in the network, and both add up to what the network
        // and the environments' own parts cost (the network's parts adding up to the network's bill)
        TeamCostReport amberReport = teamCosts.team(amber.getId());
        TeamCostReport oliveReport = teamCosts.team(olive.getId());
        assertThat(amberReport.totalUsd()).isCloseTo(view.byTeam().get(amber.getId()), SECONDS_APART)
                .isLessThanOrEqualTo(new BigDecimal("13.50"));
        assertThat(oliveReport.totalUsd()).isCloseTo(view.byTeam().get(olive.getId()), SECONDS_APART);
        assertThat(view.members().stream().map(NetworkCosts.MemberCost::partUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isCloseTo(view.shared().totalUsd(), Offset.offset(new BigDecimal("0.000001")));

        // And the network's page shows the whole network's bill and each environment's part of it
        String networkPage = mvc.perform(get("/teams/{t}/networks/{n}", amber.getId(), shared.id())
                .with(user(TestData.principal(dana)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(networkPage).contains("Its part of the network").contains("id=\"network-total\"")
                .containsAnyOf(dollars(view.members().get(0).partUsd()), dollars(networkCosts.of(shared,
                        networks.environmentsIn(shared.id())).members().get(0).partUsd()));

        // When amber's owner sets a $15 budget (three environments with networks of their own: about $22.35)
        mvc.perform(post("/teams/{t}/costs/budget", amber.getId()).with(user(TestData.principal(dana))).with(csrf())
                .param("monthlyBudget", "15")).andExpect(status().is3xxRedirection());
        // Then the team is within it, checked against the figure in the network
        assertThat(budgets.budgetOf(amber.getId())).hasValueSatisfying(budget -> {
            assertThat(budget.overBudget()).isFalse();
            assertThat(budget.lastEstimateUsd()).isLessThanOrEqualTo(new BigDecimal("13.50"));
        });

        // And the team's cost page shows that total, and the environment's cost page its figure in the network
        String teamPage = mvc.perform(get("/teams/{t}/costs", amber.getId()).with(user(TestData.principal(dana))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(teamPage).containsAnyOf(dollars(amberReport.totalUsd()),
                dollars(teamCosts.team(amber.getId()).totalUsd()));
        Environment first = members.get(0);
        String page = mvc.perform(get("/teams/{t}/environments/{e}/costs", amber.getId(), first.getId())
                .with(user(TestData.principal(dana)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(usd(page, "estimate-total")).isLessThanOrEqualTo(new BigDecimal("4.50"));
        assertThat(page).contains("id=\"network-share-alone\"");

        // When the what-if prices its current settings, then it agrees with the estimate; priced 24/7 its share of
        // the NAT grows but it still costs less than 24/7 with a network of its own
        String same = whatIf(amber, dana, first, "CURRENT");
        assertThat(usd(same, "what-if-total")).isCloseTo(usd(same, "estimate-total"), SECONDS_APART);
        String allWeek = whatIf(amber, dana, first, "ALWAYS_ON");
        BigDecimal aloneAllWeek = costs.alone(first).cost().alwaysOn().totalUsd();
        assertThat(usd(allWeek, "what-if-total")).isGreaterThan(usd(allWeek, "estimate-total"))
                .isLessThan(aloneAllWeek.setScale(2, RoundingMode.HALF_UP));
    }

    private String whatIf(Team team, UserAccount user, Environment environment, String schedule) throws Exception {
        return mvc.perform(get("/teams/{t}/environments/{e}/costs", team.getId(), environment.getId())
                        .with(user(TestData.principal(user))).param("submitted", "true")
                        .param("size", environment.getSize().cpu() + "/" + environment.getSize().memoryMiB())
                        .param("architecture", environment.getArchitecture().name())
                        .param("natInstanceType", environment.getNatInstanceType()).param("schedule", schedule))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static NetworkCosts.MemberCost memberOf(NetworkCosts.View view, Environment environment) {
        return view.members().stream().filter(m -> m.environment().getId().equals(environment.getId())).findFirst()
                .orElseThrow();
    }

    private static BigDecimal usd(String page, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*>\\$([0-9,.]+)<").matcher(page);
        assertThat(matcher.find()).as("#" + id + " on the page").isTrue();
        return new BigDecimal(matcher.group(1).replace(",", ""));
    }

    private static String dollars(BigDecimal usd) {
        return "$" + usd.setScale(2, RoundingMode.HALF_UP);
    }
}
