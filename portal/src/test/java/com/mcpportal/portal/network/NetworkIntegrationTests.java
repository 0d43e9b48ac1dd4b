package com.mcpportal.portal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Networks through the pages and the service, on the real database: create, share, join, split, delete. */
@PortalIntegrationTest
class NetworkIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    Networks networks;

    @Autowired
    NetworkCosts costs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOwnerCreatesATeamNetworkAndABadRangeIsSaidBesideTheField() throws Exception {
        UserAccount owner = data.user("net-owner");
        Team team = data.team("Net Team", owner);
        long account = new Environments(context).simulatedAccountId();

        // When the owner types a public range, then the form says so beside the field and nothing is created
        mvc.perform(post("/teams/{t}/networks", team.getId()).with(user(TestData.principal(owner))).with(csrf())
                        .param("name", "edge").param("cloudAccountId", String.valueOf(account))
                        .param("region", "eu-central-1").param("vpcCidr", "8.8.0.0/16").param("azCount", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use a private range")));
        assertThat(networks.usableBy(team.getId())).isEmpty();

        // When the owner creates it with a private range, then it is listed and audited
        mvc.perform(post("/teams/{t}/networks", team.getId()).with(user(TestData.principal(owner))).with(csrf())
                        .param("name", "edge").param("cloudAccountId", String.valueOf(account))
                        .param("region", "eu-central-1").param("vpcCidr", "10.20.0.0/16").param("azCount", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(networks.usableBy(team.getId())).extracting(Network::name).containsExactly("edge");
        mvc.perform(get("/teams/{t}/networks", team.getId()).with(user(TestData.principal(owner))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("10.20.0.0/16")));
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE team_id = ? AND action = 'network.created'",
                String.class, team.getId())).hasSize(1);
    }

    @Test
    void twoTeamsShareAnAdministratorsNetworkEachSeesItsOwnEnvironmentsByNameAndItsShare() throws Exception {
        // Given an administrator's network shared with two teams, each with a draft environment in it
        UserAccount alice = data.user("net-alice");
        Team blue = data.team("Blue", alice);
        UserAccount bob = data.user("net-bob");
        Team green = data.team("Green", bob);
        Environments environments = new Environments(context);
        Environment blueApi = environments.draft(blue.getId(), "blue-api");
        Environment greenApi = environments.draft(green.getId(), "green-api");
        Network shared = networks.createShared(new NetworkInput(TestData.unique("shared-eu"), environments.simulatedAccountId(),
                "eu-central-1", "10.64.0.0/16", 1, false, List.of(blue.getId(), green.getId())));
        mvc.perform(post("/teams/{t}/networks/{n}/environments", blue.getId(), shared.id())
                        .with(user(TestData.principal(alice))).with(csrf()).param("environmentId", blueApi.getId().toString()))
                .andExpect(status().is3xxRedirection());
        networks.addEnvironment(green.getId(), shared.id(), greenApi.getId());

        // Then the blue team's page names its own environment, not the green one, and shows each share
        mvc.perform(get("/teams/{t}/networks/{n}", blue.getId(), shared.id()).with(user(TestData.principal(alice))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(blueApi.getName())))
                .andExpect(content().string(not(containsString(greenApi.getName()))))
                .andExpect(content().string(containsString("an environment of " + green.getName())))
                .andExpect(content().string(containsString("is split by the hours each environment needed the NAT")));
        // And on the same schedule each pays half of the network and less than alone
        NetworkCosts.View view = costs.of(shared, networks.environmentsIn(shared.id()));
        assertThat(view.members()).hasSize(2).allSatisfy(member -> {
            assertThat(member.fraction()).isEqualByComparingTo("0.5");
            assertThat(member.inNetworkUsd()).isLessThan(member.aloneUsd());
        });
        assertThat(view.byTeam()).containsOnlyKeys(blue.getId(), green.getId());

        // And a team the network is not shared with gets a 404, as if it did not exist
        UserAccount eve = data.user("net-eve");
        Team red = data.team("Red", eve);
        mvc.perform(get("/teams/{t}/networks/{n}", red.getId(), shared.id()).with(user(TestData.principal(eve))))
                .andExpect(status().isNotFound());
        Environment redApi = environments.draft(red.getId(), "red-api");
        assertThatThrownBy(() -> networks.addEnvironment(red.getId(), shared.id(), redApi.getId()))
                .isInstanceOf(NetworkNotFoundException.class);
        // And another team's environment cannot be put in by its id
        assertThatThrownBy(() -> networks.addEnvironment(blue.getId(), shared.id(), redApi.getId()))
                .hasMessageContaining("No such environment");
    }

    @Test
    void aNetworkWithEnvironmentsIsNeverDeletedAndOnlyDraftsOfTheSameRegionJoin() throws Exception {
        UserAccount owner = data.user("net-keeper");
        Team team = data.team("Keepers", owner);
        data.addMember(team, data.user("net-viewer"), TeamRole.VIEWER);
        Environments environments = new Environments(context);
        Network network = networks.createForTeam(team.getId(), new NetworkInput("keep", environments.simulatedAccountId(),
                "eu-central-1", "10.30.0.0/20", 1, false, List.of()));
        Environment draft = environments.draft(team.getId(), "keep-api");
        Environment ready = environments.ready(team.getId(), "keep-live");
        Environment elsewhere = environments.service().create(team.getId(),
                Environments.input(TestData.unique("keep-us"), environments.simulatedAccountId(), "us-east-1"));

        assertThatThrownBy(() -> networks.addEnvironment(team.getId(), network.id(), ready.getId()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("only a draft joins a network here");
        assertThatThrownBy(() -> networks.addEnvironment(team.getId(), network.id(), elsewhere.getId()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("another cloud account or region");
        networks.addEnvironment(team.getId(), network.id(), draft.getId());
        assertThatThrownBy(() -> networks.addEnvironment(team.getId(), network.id(), draft.getId()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already in a network");

        // When the owner deletes it with an environment in it, then it is refused and kept
        mvc.perform(post("/teams/{t}/networks/{n}/delete", team.getId(), network.id())
                        .with(user(TestData.principal(owner))).with(csrf()))
                .andExpect(result -> assertThat(result.getFlashMap().get("flash")).asString()
                        .contains("still has 1 environment"));
        assertThat(networks.usableBy(team.getId())).hasSize(1);

        // When the environment is taken out, then the network can be deleted, and both are audited in sentences
        mvc.perform(post("/teams/{t}/networks/{n}/environments/{e}/remove", team.getId(), network.id(), draft.getId())
                .with(user(TestData.principal(owner))).with(csrf())).andExpect(status().is3xxRedirection());
        networks.deleteForTeam(team.getId(), network.id());
        assertThat(networks.usableBy(team.getId())).isEmpty();
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE team_id = ? AND action LIKE 'network.%'"
                + " ORDER BY id", String.class, team.getId())).containsExactly("network.created",
                "network.environment.added", "network.environment.removed", "network.deleted");
    }

    @Test
    void anAdministratorSharesANetworkWithChosenTeamsAndSeesEveryEnvironmentByName() throws Exception {
        UserAccount carol = data.user("net-carol");
        Team teal = data.team("Teal", carol);
        Environments environments = new Environments(context);
        Environment tealApi = environments.draft(teal.getId(), "teal-api");
        String name = TestData.unique("hub");

        // When an administrator shares a network with no team, then it is refused beside the field
        mvc.perform(post("/admin/networks").with(user(TestData.principal(data.admin()))).with(csrf())
                        .param("name", name).param("cloudAccountId", String.valueOf(environments.simulatedAccountId()))
                        .param("region", "eu-central-1").param("vpcCidr", "10.90.0.0/16").param("azCount", "2")
                        .param("natPerAz", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choose at least one team")));

        // When it is shared with the teal team, then teal may put its draft in and the admin page names it
        mvc.perform(post("/admin/networks").with(user(TestData.principal(data.admin()))).with(csrf())
                        .param("name", name).param("cloudAccountId", String.valueOf(environments.simulatedAccountId()))
                        .param("region", "eu-central-1").param("vpcCidr", "10.90.0.0/16").param("azCount", "2")
                        .param("natPerAz", "true").param("sharedWith", teal.getId().toString()))
                .andExpect(status().is3xxRedirection());
        Network hub = networks.usableBy(teal.getId()).get(0);
        assertThat(hub.adminShared()).isTrue();
        assertThat(hub.natInstances()).isEqualTo(2);
        networks.addEnvironment(teal.getId(), hub.id(), tealApi.getId());
        // And its bill prices both NAT instances: instance and IPv4 hours twice the NAT's hours, two 8 GB root volumes
        NetworkCosts.View hubCosts = costs.of(hub, networks.environmentsIn(hub.id()));
        java.math.BigDecimal twice = hubCosts.natMonthlyHours().multiply(java.math.BigDecimal.valueOf(2));
        assertThat(hubCosts.shared().rows()).anySatisfy(row -> {
            assertThat(row.component()).isEqualTo(com.mcpportal.portal.cost.CostComponent.NAT_INSTANCE);
            assertThat(row.lines().get(0).quantity()).isEqualByComparingTo(twice);
        }).anySatisfy(row -> {
            assertThat(row.component()).isEqualTo(com.mcpportal.portal.cost.CostComponent.NAT_ROOT_VOLUME);
            assertThat(row.lines().get(0).quantity()).isEqualByComparingTo("16");
        });
        mvc.perform(get("/admin/networks/{n}", hub.id()).with(user(TestData.principal(data.admin()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tealApi.getName() + " (" + teal.getName() + ")")))
                .andExpect(content().string(containsString("one NAT instance per zone, each routing its zone")));
        mvc.perform(get("/admin/networks").with(user(TestData.principal(data.admin()))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)));
        // And the team's owner may not delete an administrator's network
        assertThatThrownBy(() -> networks.deleteForTeam(teal.getId(), hub.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only an administrator");
    }

    @Test
    void fiveEnvironmentsOfTwoTeamsInOneEuCentral1NetworkCostAtMost450EachOnTheirDefaultSchedule() throws Exception {
        // Given two teams with the portal's default schedule (weekdays 08–20 UTC) and five drafts in eu-central-1
        UserAccount dana = data.user("net-dana");
        Team amber = data.team("Amber", dana);
        UserAccount fred = data.user("net-fred");
        Team olive = data.team("Olive", fred);
        Environments environments = new Environments(context);
        Network shared = networks.createShared(new NetworkInput(TestData.unique("five"), environments.simulatedAccountId(),
                "eu-central-1", "10.50.0.0/16", 1, false, List.of(amber.getId(), olive.getId())));
        for (int i = 0; i < 5; i++) {
            Team team = i < 3 ? amber : olive;
            Environment draft = environments.draft(team.getId(), "five-" + i);
            networks.addEnvironment(team.getId(), shared.id(), draft.getId());
        }

        // When the network's costs are worked out as its page does
        NetworkCosts.View view = costs.of(shared, networks.environmentsIn(shared.id()));

        // Then each costs about $7.45 alone and at most $4.50 in the network, a fifth of the shared part each
        assertThat(view.members()).hasSize(5).allSatisfy(member -> {
            assertThat(member.aloneUsd()).isGreaterThan(new java.math.BigDecimal("7"));
            assertThat(member.inNetworkUsd()).isLessThanOrEqualTo(new java.math.BigDecimal("4.50"));
            assertThat(member.fraction()).isEqualByComparingTo("0.2");
        });
        // And the amber team's page shows its three environments' figures and both teams' totals
        String page = mvc.perform(get("/teams/{t}/networks/{n}", amber.getId(), shared.id())
                .with(user(TestData.principal(dana)))).andReturn().getResponse().getContentAsString();
        // (worked out again after the page: the 30 days are counted from now, and a minute may pass a schedule edge)
        NetworkCosts.View after = costs.of(shared, networks.environmentsIn(shared.id()));
        assertThat(page).containsAnyOf(dollars(view.members().get(0).inNetworkUsd()),
                dollars(after.members().get(0).inNetworkUsd()));
        assertThat(page).contains(amber.getName() + ": $").contains(olive.getName() + ": $");
    }

    @Test
    void theEnvironmentsAndTheTeamsCostPagesShowTheirShareOfTheNetworkAndSayHowItIsSplit() throws Exception {
        // Given a network shared by two teams: two environments of coral, one of slate, on the default schedule
        UserAccount gwen = data.user("net-gwen");
        Team coral = data.team("Coral", gwen);
        UserAccount hugo = data.user("net-hugo");
        Team slate = data.team("Slate", hugo);
        Environments environments = new Environments(context);
        Network shared = networks.createShared(new NetworkInput(TestData.unique("split"),
                environments.simulatedAccountId(), "eu-central-1", "10.51.0.0/16", 1, false,
                List.of(coral.getId(), slate.getId())));
        List<Environment> members = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Team team = i < 2 ? coral : slate;
            Environment draft = environments.draft(team.getId(), "split-" + i);
            networks.addEnvironment(team.getId(), shared.id(), draft.getId());
            members.add(draft);
        }
        NetworkCosts.View view = costs.of(shared, networks.environmentsIn(shared.id()));

        // When coral's first environment's cost page is opened, then it shows its cost in the network, its third
        // of the NAT's hours, and the method in one sentence
        String page = mvc.perform(get("/teams/{t}/environments/{e}/costs", coral.getId(), members.get(0).getId())
                .with(user(TestData.principal(gwen)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        NetworkCosts.View after = costs.of(shared, networks.environmentsIn(shared.id()));
        assertThat(page).contains("In shared network").contains(shared.name()).contains("(33.3 %)")
                .contains("in proportion to the hours each needed the NAT")
                .containsAnyOf(dollars(view.members().get(0).inNetworkUsd()),
                        dollars(after.members().get(0).inNetworkUsd()));
        assertThat(view.members().get(0).inNetworkUsd()).isLessThan(view.members().get(0).aloneUsd());

        // When coral's cost page is opened, then it shows its two environments' part of the network, not slate's
        String teamPage = mvc.perform(get("/teams/{t}/costs", coral.getId()).with(user(TestData.principal(gwen))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        after = costs.of(shared, networks.environmentsIn(shared.id()));
        assertThat(teamPage).contains("In shared networks").contains("team-network-shares")
                .containsAnyOf(dollars(view.byTeam().get(coral.getId())), dollars(after.byTeam().get(coral.getId())))
                .doesNotContain(dollars(view.byTeam().get(coral.getId()).add(view.byTeam().get(slate.getId()))));

        // When coral prices moving its own-network environment into the network, then the page says what it would
        // cost there, as the network's page would work it out with it among the members (a quarter each)
        Environment loner = environments.draft(coral.getId(), "split-loner");
        String move = mvc.perform(get("/teams/{t}/environments/{e}/costs", coral.getId(), loner.getId())
                .param("moveInto", String.valueOf(shared.id())).with(user(TestData.principal(gwen))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Environment> withLoner = new java.util.ArrayList<>(networks.environmentsIn(shared.id()));
        withLoner.add(loner);
        NetworkCosts.View moved = costs.of(shared, withLoner);
        assertThat(move).contains("move-what-if-result").contains("25.0 %")
                .contains(dollars(moved.members().get(3).aloneUsd()))
                .containsAnyOf(dollars(moved.members().get(3).inNetworkUsd()),
                        dollars(costs.of(shared, withLoner).members().get(3).inNetworkUsd()));
        assertThat(networks.environmentsIn(shared.id())).hasSize(3);

        // and a network it may not use is refused beside the field
        Network elsewhere = networks.createForTeam(slate.getId(), new NetworkInput(TestData.unique("slate-own"),
                environments.simulatedAccountId(), "eu-central-1", "10.52.0.0/16", 1, false, List.of()));
        String refused = mvc.perform(get("/teams/{t}/environments/{e}/costs", coral.getId(), loner.getId())
                .param("moveInto", String.valueOf(elsewhere.id())).with(user(TestData.principal(gwen))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"move-error\"").contains("Choose one of the listed networks")
                .doesNotContain("move-what-if-result").doesNotContain(elsewhere.name());

        // And a team with no environment in a shared network has no such section
        UserAccount ivy = data.user("net-ivy");
        Team plain = data.team("Plain", ivy);
        assertThat(mvc.perform(get("/teams/{t}/costs", plain.getId()).with(user(TestData.principal(ivy))))
                .andReturn().getResponse().getContentAsString()).doesNotContain("In shared networks");
    }

    private static String dollars(java.math.BigDecimal usd) {
        return "$" + usd.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    @Test
    void cidrRulesNameTheBoundaryAndTheSizes() {
        assertThat(Networks.cidrProblem("10.20.0.0/16")).isEmpty();
        assertThat(Networks.cidrProblem("192.168.4.0/22")).isEmpty();
        assertThat(Networks.cidrProblem("172.31.0.0/16")).isEmpty();
        assertThat(Networks.cidrProblem("10.20.1.0/16")).hasValueSatisfying(m -> assertThat(m).contains("10.20.0.0/16"));
        assertThat(Networks.cidrProblem("10.0.0.0/8")).hasValueSatisfying(m -> assertThat(m).contains("/16 to /22"));
        assertThat(Networks.cidrProblem("172.32.0.0/16")).hasValueSatisfying(m -> assertThat(m).contains("private"));
        assertThat(Networks.cidrProblem("10.300.0.0/16")).isPresent();
    }
}
