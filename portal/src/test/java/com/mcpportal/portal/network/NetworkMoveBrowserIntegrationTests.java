package com.mcpportal.portal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

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
 * What a team owner does in a real browser to move a running environment into a shared network: the environment's
 * page offers the team's network with what happens and how long the service is interrupted, the move starts, and the
 * page then names the network; it fits a phone and passes axe-core where it is installed.
 */
class NetworkMoveBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    ApplicationContext context;

    @Autowired
    Networks networks;

    @Test
    void anOwnerMovesARunningEnvironmentIntoTheTeamsNetworkFromItsPage() {
        // Given a team with a provisioned environment of its own network, and a network of the team
        Team team = data.team("Browser Move", data.admin());
        Environment environment = new Environments(context).ready(team.getId(), "browser-move");
        Network network = networks.createForTeam(team.getId(), new NetworkInput("browser-move",
                environment.getCloudAccountId(), environment.getRegion(), "10.63.0.0/16", 1, false, List.of()));
        String page = "/teams/" + team.getId() + "/environments/" + environment.getId();

        // When its owner opens its page, then it offers the network and says what a move does and costs in downtime
        browser.signIn("admin", TestData.ADMIN_PASSWORD).open(page);
        assertThat(browser.texts("#move-network-what")).singleElement().asString()
                .contains("one new deployment", "about 1-3 minutes", "URL and API keys stay the same");

        // and when the owner moves it
        browser.choose("networkId", "shared network browser-move (10.63.0.0/16)")
                .press("Move (interrupts the service for about 1-3 minutes)");
        assertThat(browser.flash()).contains("Moving the environment", "about 1-3 minutes");

        // Then once the move has run, its page names the network and offers the way back
        await().atMost(Duration.ofSeconds(60)).until(() -> networks.environmentsIn(network.id()).size() == 1);
        browser.open(page);
        assertThat(browser.texts("#shared-network a")).containsExactly("browser-move");
        assertThat(browser.texts("#networkId option")).contains("its own network (VPC and NAT instance of its own)");

        browser.resize(390, 844).open(page);
        assertThat(browser.fitsWidth()).as("fits a phone; too wide: %s", browser.tooWide()).isTrue();
        assertThat(browser.consoleErrors()).isEmpty();
        if (Axe.installed()) {
            assertThat(Axe.load().seriousViolations(browser)).as("axe's serious violations").isEmpty();
        }
    }
}
