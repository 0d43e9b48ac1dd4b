package com.mcpportal.portal.cost;


import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A team owner opens an environment's costs in a real browser and tries a bigger size: the total changes in place. */
class CostBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void ownerTriesABiggerSizeAndSeesTheNewTotalWithoutLeavingThePage() {
        Team team = data.team("Browser costs", data.admin());
        Environment environment = new CostFixtures(context).draft(team.getId(), "eu-central-1");

        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + team.getId() + "/environments/"
                + environment.getId()).follow("Cost details and what-if");
        assertThat(browser.heading()).isEqualTo("Costs of " + environment.getName());
        browser.screenshot("environment-costs");
        String current = browser.texts("#estimate-total").get(0);
        assertThat(current).matches("\\$\\d+\\.\\d\\d");
        assertThat(browser.texts("#what-if-total")).isEmpty();
        browser.script("window.portalTestMarker = 'same page';");

        browser.choose("size", "1 vCPU, 2 GB");
        awaitText("what-if-total", "$");

        String whatIf = textOf("what-if-total");
        assertThat(new java.math.BigDecimal(whatIf.substring(1))).isGreaterThan(new java.math.BigDecimal(current.substring(1)));
        assertThat(textOf("what-if-difference")).endsWith("more");
        assertThat(textOf("estimate-total")).isEqualTo(current);
        assertThat(textOf("what-if-result")).contains("Nothing was changed");
        assertThat(browser.script("return window.portalTestMarker")).as("updated without a reload").isEqualTo("same page");
        assertThat((String) browser.script("return window.location.search")).contains("size=1024%2F2048");
        browser.script("document.getElementById('what-if-result').scrollIntoView();");
        browser.screenshot("environment-costs-what-if");

        browser.choose("architecture", "x86_64").choose("schedule", "24/7");
        awaitText("what-if-schedule", "24/7"); // the result table always has a 24/7 column: wait for the headline
        assertThat(new java.math.BigDecimal(textOf("what-if-total").substring(1)))
                .as("x86 around the clock costs more than ARM on the schedule")
                .isGreaterThan(new java.math.BigDecimal(whatIf.substring(1)));
    }

    private String textOf(String id) {
        return String.valueOf(browser.script("var e = document.getElementById('" + id + "');"
                + " return e ? e.textContent.trim() : '';"));
    }

    /** Polls in the page: the what-if part is replaced while it is read, so element references go stale. */
    private void awaitText(String id, String text) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(textOf(id)).as("#" + id).contains(text));
    }
}
