package com.mcpportal.portal.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.Axe;
import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What a team owner does in a real browser: create a network for the team, put a draft environment in it, and see
 * the network's page list it with its share, and the environment's and the team's cost pages show what it costs
 * there and how the bill is split, and what moving it into another network would cost; and an administrator sharing
 * a network with two teams, each putting an environment in it and seeing its own share. The pages fit a phone, and
 * pass axe-core where it is installed.
 */
class NetworkBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    ApplicationContext context;

    @Autowired
    Networks networks;

    @Test
    void anOwnerCreatesANetworkPutsAnEnvironmentInItAndSeesItsShareOnTheNetworkAndCostPages() {
        // Given a team with a draft environment (made by the service: the environment form has its own browser test)
        Team team = data.team("Browser Net", data.admin());
        Environment draft = new Environments(context).draft(team.getId(), "browser-net");

        // When its owner creates a network on the team's networks page
        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + team.getId() + "/networks");
        browser.fill("name", "browser-eu").choose("cloudAccountId", "Simulated").fill("region", "eu-central-1")
                .fill("vpcCidr", "10.61.0.0/16").press("Create network");
        assertThat(browser.flash()).contains("Created the network browser-eu");
        assertThat(browser.heading()).isEqualTo("browser-eu");
        String networkPage = browser.path();

        // and puts the draft in it
        browser.choose("environmentId", draft.getName()).press("Put in network");
        assertThat(browser.flash()).contains("The environment is in browser-eu now");

        // Then the network's page lists it with its share: all of the NAT's hours, and less than alone
        assertThat(browser.texts(".network-members td[data-label='Environment'] a")).containsExactly(draft.getName());
        assertThat(browser.texts(".network-members td[data-label='Its share']")).singleElement().asString()
                .endsWith("(100.0 %)");
        assertThat(browser.texts(".network-members td.network-share")).singleElement().asString().startsWith("$");
        assertThat(browser.texts(".network-teams li")).singleElement().asString().startsWith("Browser Net");

        // And the environment's cost page says what it costs in the network and how the bill is split
        browser.open("/teams/" + team.getId() + "/environments/" + draft.getId() + "/costs");
        assertThat(browser.texts("#network-share a")).containsExactly("browser-eu");
        assertThat(browser.texts("#network-share-part")).singleElement().asString().endsWith("(100.0 %)");
        assertThat(browser.texts("#network-method")).singleElement().asString()
                .contains("in proportion to the hours each needed the NAT");
        String costPage = browser.path();

        // When the team has a second network, then the what-if prices moving the environment into it
        networks.createForTeam(team.getId(), new NetworkInput("browser-eu-2", draft.getCloudAccountId(),
                "eu-central-1", "10.62.0.0/16", 1, false, java.util.List.of()));
        browser.open(costPage).choose("moveInto", "browser-eu-2").press("Estimate the move");
        assertThat(browser.texts("#move-what-if-result")).singleElement().asString()
                .startsWith("In network browser-eu-2 it would cost about $").contains("100.0 %");
        String movePage = browser.path();

        // and the team's cost page lists the network with its environment's cost there
        browser.open("/teams/" + team.getId() + "/costs");
        assertThat(browser.texts("#team-network-shares th a")).containsExactly("browser-eu");
        assertThat(browser.texts("#team-network-shares .network-team-share")).singleElement().asString()
                .startsWith("$");
        String teamCosts = browser.path();

        for (String path : new String[] {networkPage, movePage, teamCosts}) {
            browser.resize(390, 844).open(path);
            assertThat(browser.fitsWidth()).as("%s fits a phone; too wide: %s", path, browser.tooWide()).isTrue();
            assertThat(browser.consoleErrors()).as("%s: console errors", path).isEmpty();
            if (Axe.installed()) {
                assertThat(Axe.load().seriousViolations(browser)).as("%s: axe's serious violations", path).isEmpty();
            }
        }
    }

    @Test
    void anAdministratorSharesANetworkWithTwoTeamsEachPutsAnEnvironmentInItAndEachSeesItsOwnShare() {
        // Given two teams, each with a draft environment
        Team red = data.team("Red Net", data.admin());
        Team blue = data.team("Blue Net", data.admin());
        Environment redDraft = new Environments(context).draft(red.getId(), "red-net");
        Environment blueDraft = new Environments(context).draft(blue.getId(), "blue-net");

        // When an administrator creates a network shared with both teams on the admin page
        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/admin/networks");
        browser.fill("name", "shared-eu").choose("cloudAccountId", "Simulated").fill("region", "eu-central-1")
                .fill("vpcCidr", "10.63.0.0/16")
                .click("input[name='sharedWith'][value='" + red.getId() + "']")
                .click("input[name='sharedWith'][value='" + blue.getId() + "']").press("Create network");
        assertThat(browser.flash()).contains("Created the shared network shared-eu");
        String adminPage = browser.path();
        long networkId = Long.parseLong(adminPage.substring(adminPage.lastIndexOf('/') + 1));

        // and each team puts its draft in it from the team's own view of the network
        browser.open("/teams/" + red.getId() + "/networks/" + networkId)
                .choose("environmentId", redDraft.getName()).press("Put in network");
        assertThat(browser.flash()).contains("The environment is in shared-eu now");
        browser.open("/teams/" + blue.getId() + "/networks/" + networkId)
                .choose("environmentId", blueDraft.getName()).press("Put in network");
        assertThat(browser.flash()).contains("The environment is in shared-eu now");

        // Then the administrator's page lists both with their teams, each half of the NAT's hours (same schedule),
        // and each team's part of the network's bill
        browser.open(adminPage);
        assertThat(browser.texts(".network-members td[data-label='Environment'] span:first-child"))
                .containsExactlyInAnyOrder(redDraft.getName() + " (" + red.getName() + ")",
                        blueDraft.getName() + " (" + blue.getName() + ")");
        assertThat(browser.texts(".network-members td[data-label='Its share']"))
                .hasSize(2).allSatisfy(share -> assertThat(share).endsWith("(50.0 %)"));
        assertThat(browser.texts(".network-teams li")).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith(red.getName() + ": $"))
                .anySatisfy(line -> assertThat(line).startsWith(blue.getName() + ": $"));

        // and a team's view names its own environment and only the other team, never the other's environment
        browser.open("/teams/" + red.getId() + "/networks/" + networkId);
        assertThat(browser.texts(".network-members td[data-label='Environment'] a"))
                .containsExactly(redDraft.getName());
        assertThat(browser.text()).contains("an environment of " + blue.getName())
                .doesNotContain(blueDraft.getName());
        String redView = browser.path();

        // and each team's cost page lists the network with that team's part of it
        for (Team team : new Team[] {red, blue}) {
            browser.open("/teams/" + team.getId() + "/costs");
            assertThat(browser.texts("#team-network-shares th a")).containsExactly("shared-eu");
            assertThat(browser.texts("#team-network-shares .network-team-share")).singleElement().asString()
                    .startsWith("$");
        }

        for (String path : new String[] {adminPage, redView}) {
            browser.resize(390, 844).open(path);
            assertThat(browser.fitsWidth()).as("%s fits a phone; too wide: %s", path, browser.tooWide()).isTrue();
            assertThat(browser.consoleErrors()).as("%s: console errors", path).isEmpty();
            if (Axe.installed()) {
                assertThat(Axe.load().seriousViolations(browser)).as("%s: axe's serious violations", path).isEmpty();
            }
        }
    }
}
