package com.mcpportal.portal.apikey;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


/** An owner in Chromium: issues a key, copies it from the one-time page, rolls it and revokes with confirmation. */
class ApiKeyBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void anOwnerIssuesCopiesRollsAndRevokesAKey() {
        UserAccount owner = data.user("browser-key-owner");
        Team team = data.team("Browser keys", owner);
        Environment environment = new Environments(context).ready(team.getId(), "browser-env");

        browser.signIn(owner.getUsername(), TestData.PASSWORD).open("/teams/" + team.getId()).follow("API keys")
                .follow("Issue a key");
        assertThat(browser.script("return document.getElementById('env-" + environment.getId() + "').disabled"))
                .as("environment boxes are off while 'all environments' is chosen").isEqualTo(true);
        browser.fill("name", "Cursor on my laptop").choose("lifetime", "30 days").press("Issue key");

        assertThat(browser.heading()).isEqualTo("Your new API key");
        String key = browser.texts("#api-key").get(0);
        assertThat(ApiKeyFormat.MCP.looksLikeKey(key)).isTrue();
        assertThat(browser.texts("#key-0-snippet-cursor")).singleElement().asString()
                .contains("\"Authorization\": \"Bearer " + key + "\"", environment.getName());
        browser.click("label[for=key-0-client-vscode]");
        assertThat(browser.texts("#key-0-snippet-vscode")).singleElement().asString()
                .contains("\"servers\"", "\"type\": \"http\"", "\"Authorization\": \"Bearer " + key + "\"");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.script("document.querySelector('button.copy[data-copy=\"api-key\"]').click()");
        assertThat(copyButtonAfterClick()).isIn("Copied", "Selected: press Ctrl+C");

        browser.follow("I have copied the key");
        String publicId = ApiKeyFormat.MCP.publicIdOf(key).orElseThrow();
        assertThat(browser.text()).contains("Cursor on my laptop", "mcp_" + publicId + "_…").doesNotContain(key);

        browser.choose("grace-" + keyId(publicId), "1 hour");
        browser.script("window.confirm = function () { return true; }");
        browser.press("Roll");
        assertThat(browser.heading()).isEqualTo("The new key");
        assertThat(browser.text()).contains("Replaces", publicId + ", which keeps working until");
        String rolled = browser.texts("#api-key").get(0);

        browser.follow("I have copied the key");
        String rolledId = ApiKeyFormat.MCP.publicIdOf(rolled).orElseThrow();
        assertThat(browser.texts("#key-" + publicId + " .key-status")).containsExactly("Rolled, in grace period");

        // Saying no to the confirmation keeps the key.
        browser.script("window.confirm = function () { return false; };"
                + "document.querySelector('#key-" + rolledId + " button.danger').click();");
        assertThat(browser.texts("#key-" + rolledId + " .key-status")).containsExactly("Active");
        browser.script("window.confirm = function () { return true; }");
        browser.press("Revoke");
        assertThat(browser.flash()).contains("Revoked key");
    }

    @Test
    void theRollButtonIsWhollyVisibleInTheTableAtDesktopWidths() {
        UserAccount owner = data.user("browser-roll-owner");
        Team team = data.team("Browser roll", owner);
        new Environments(context).ready(team.getId(), "browser-roll-env");
        browser.signIn(owner.getUsername(), TestData.PASSWORD).open("/teams/" + team.getId() + "/api-keys/new");
        browser.fill("name", "Cursor on Ana's laptop in the office").press("Issue key").follow("I have copied the key");

        for (int width : new int[] {1920, 1280}) {
            browser.resize(width, 900);
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> box = (java.util.Map<String, Object>) browser.script(
                    "var roll = Array.from(document.querySelectorAll('table.api-keys button'))"
                    + ".find(function (b) { return b.textContent.trim() === 'Roll'; }).getBoundingClientRect();"
                    + "var wrap = document.querySelector('.table-wrap');"
                    + "return {right: roll.right, wrapRight: wrap.getBoundingClientRect().right,"
                    + " viewport: document.documentElement.clientWidth, hidden: wrap.scrollWidth - wrap.clientWidth};");
            assertThat(((Number) box.get("right")).doubleValue()).as("Roll at %d px", width)
                    .isLessThanOrEqualTo(((Number) box.get("wrapRight")).doubleValue())
                    .isLessThanOrEqualTo(((Number) box.get("viewport")).doubleValue());
            assertThat(((Number) box.get("hidden")).intValue()).as("the key table scrolls sideways at %d px", width)
                    .isLessThanOrEqualTo(0);
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** The copy button's label once the click was handled (the clipboard answers asynchronously). */
    private String copyButtonAfterClick() {
        try {
            return await().atMost(Duration.ofSeconds(5)).until(() -> browser.texts("button.copy").get(0),
                    label -> !label.equals("Copy key"));
        } catch (ConditionTimeoutException unchanged) {
            return browser.texts("button.copy").get(0); // the test's assertion says what it shows
        }
    }

    private long keyId(String publicId) {
        return context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("SELECT id FROM api_key WHERE public_id = ?", Long.class, publicId);
    }
}
