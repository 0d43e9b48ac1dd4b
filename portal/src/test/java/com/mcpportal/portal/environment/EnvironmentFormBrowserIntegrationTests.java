package com.mcpportal.portal.environment;

import java.util.List;

import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment and cloud account forms as a new user reads them: suggestions, the fields that apply, titles. */
class EnvironmentFormBrowserIntegrationTests extends BrowserTestSupport {

    /** Each suggestion as the browser lists it: its label, or else its text, or else its value. */
    private static final String SUGGESTIONS = "return Array.from(document.querySelectorAll('#region-list option'))"
            + ".map(function (o) { return o.value + ' = ' + (o.label || o.value); })";

    @Test
    void theEnvironmentFormShowsOnlyWhatAppliesAndEveryPageSaysWhereYouAre() {
        Team team = data.team("Platform", data.admin());
        String name = TestData.unique("staging");

        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + team.getId());
        assertThat(browser.title()).isEqualTo(team.getName() + " · MCP Portal");
        browser.follow("Environments");
        assertThat(browser.title()).isEqualTo("Environments · " + team.getName() + " · MCP Portal");
        browser.follow("New environment");
        assertThat(browser.title()).isEqualTo("New environment · " + team.getName() + " · MCP Portal");

        // Each region suggestion names its own region.
        assertThat(suggestions()).isNotEmpty().allSatisfy(option -> {
            String[] valueAndLabel = option.split(" = ");
            assertThat(valueAndLabel[1]).isEqualTo(valueAndLabel[0]);
        }).contains("eu-central-1 = eu-central-1", "us-east-1 = us-east-1");

        // The image fields follow the image source chosen.
        assertThat(browser.shows("#imageTag")).as("tag with the published server").isFalse();
        assertThat(browser.shows("#imageUri")).as("URI with the published server").isFalse();
        browser.click("#imageSource-repository");
        assertThat(browser.shows("#imageTag")).as("tag with a repository image").isTrue();
        assertThat(browser.shows("#imageUri")).as("URI with a repository image").isFalse();
        browser.click("#imageSource-uri");
        assertThat(browser.shows("#imageTag")).as("tag with an image URI").isFalse();
        assertThat(browser.shows("#imageUri")).as("URI with an image URI").isTrue();
        browser.click("#imageSource-published");

        // The key a new environment cannot do without is marked required, and the browser asks for it first.
        assertThat(browser.texts("label[for=elevenLabsApiKey]")).containsExactly("ElevenLabs API key (required)");
        assertThat(browser.script("return document.getElementById('elevenLabsApiKey').required")).isEqualTo(true);

        browser.fill("name", name).fill("elevenLabsApiKey", "xi-form-key-123456").press("Create environment");
        assertThat(browser.heading()).isEqualTo(name);
        assertThat(browser.title()).isEqualTo(name + " · " + team.getName() + " · MCP Portal");
        browser.follow("Change settings");
        assertThat(browser.title()).isEqualTo("Change " + name + " · " + team.getName() + " · MCP Portal");
        assertThat(browser.texts("label[for=elevenLabsApiKey]").get(0)).startsWith("Replace the ElevenLabs API key");
        assertThat(browser.script("return document.getElementById('elevenLabsApiKey').required")).isEqualTo(false);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aRefusedFormListsEveryProblemAtTheTopKeepsTheKeyAndTheRetryNeedsOnlyTheFixes() {
        Team team = data.team("Platform", data.admin());
        String name = TestData.unique("voice");
        String key = "xi-kept-for-the-retry-4711";
        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + team.getId() + "/environments/new");

        // Given a form with an empty image tag and two bad networks among good ones
        browser.fill("name", name).click("#imageSource-repository")
                .fill("allowedCidrs", "203.0.113.0/24\n10.0.0.1\n198.51.100.0/24\n10.0.0.0/33")
                .fill("elevenLabsApiKey", key).press("Create environment");

        // then the page says so at the top, focus is on that summary, and each bad network is named beside the field
        assertThat(browser.heading()).isEqualTo("New environment");
        assertThat(browser.shows("#error-summary")).isTrue();
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("error-summary");
        assertThat(browser.texts("#error-summary li")).hasSize(3);
        assertThat(browser.texts("#allowedCidrs-errors li")).satisfiesExactly(
                first -> assertThat(first).startsWith("'10.0.0.1' has no prefix length"),
                second -> assertThat(second).startsWith("'10.0.0.0/33' needs a prefix length"));
        assertThat(browser.script("return document.getElementById('allowedCidrs').value"))
                .isEqualTo("203.0.113.0/24\n10.0.0.1\n198.51.100.0/24\n10.0.0.0/33");
        // the key is kept for the retry, and the page holds only a handle to it
        assertThat(browser.shows("#elevenLabsApiKey-kept")).isTrue();
        assertThat(browser.script("return document.getElementById('elevenLabsApiKey').required")).isEqualTo(false);
        assertThat((String) browser.script("return document.documentElement.outerHTML")).doesNotContain(key);

        // A summary link takes focus to its field.
        browser.click("#error-summary a[href='#allowedCidrs']");
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("allowedCidrs");

        // When only the mistakes are fixed (the key is not typed again), the environment is created.
        browser.fill("allowedCidrs", "203.0.113.0/24\n198.51.100.0/24").fill("imageTag", "1.4.0")
                .press("Create environment");
        assertThat(browser.heading()).isEqualTo(name);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theCloudAccountFormSuggestsEachRegionByItsNameAndOffersRolesOnlyForAws() {
        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/admin/cloud-accounts");

        assertThat(suggestions()).isNotEmpty().allSatisfy(option -> {
            String[] valueAndLabel = option.split(" = ");
            assertThat(valueAndLabel[1]).isEqualTo(valueAndLabel[0]);
        });
        // Role ARNs on a simulated account are refused: the fields are off, the legend says why.
        assertThat(browser.script("return document.getElementById('aws-access').disabled")).isEqualTo(false);
        browser.fill("roleArn", "arn:aws:iam::123456789012:role/portal");
        browser.choose("mode", "Simulated");
        assertThat(browser.script("return document.getElementById('aws-access').disabled")).isEqualTo(true);
        assertThat(browser.texts("#aws-access legend").get(0)).contains("a simulated account has no roles");
        String sandbox = TestData.unique("Sandbox");
        browser.fill("name", sandbox).press("Add cloud account");
        assertThat(browser.text()).as("the role typed before choosing Simulated is not sent")
                .doesNotContain("A simulated account has no roles").contains(sandbox);
        browser.open("/admin/cloud-accounts");
        browser.choose("mode", "AWS");
        assertThat(browser.script("return document.getElementById('aws-access').disabled")).isEqualTo(false);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> suggestions() {
        return (List<String>) browser.script(SUGGESTIONS);
    }
}
