package com.mcpportal.portal.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person creates an access token in the browser and a script uses it over real HTTP; the Swagger UI renders the
 * API under the portal's Content-Security-Policy, loading nothing from outside the portal.
 */
class ApiBrowserIntegrationTests extends BrowserTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenMadeOnTheAccountPageOpensTheApiForAScript() throws Exception {
        Team team = data.team("Browser API", data.admin());
        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/account").follow("Access tokens")
                .fill("name", "browser script").choose("lifetimeDays", "30 days").press("Create token");
        assertThat(browser.heading()).isEqualTo("Your new access token");
        String token = browser.texts("#access-token").get(0);
        assertThat(token).matches("mcpp_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}");

        HttpResponse<String> answer = get("/api/v1/teams/" + team.getId() + "/environments", token);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"items\"");
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();

        browser.follow("I have copied the token");
        assertThat(browser.text()).contains("browser script").doesNotContain(token);
        HttpResponse<String> refused = get("/api/v1/teams/" + team.getId() + "/environments", token + "x");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
    }

    @Test
    void swaggerUiRendersTheApiUnderTheContentSecurityPolicy() {
        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/swagger-ui/index.html")
                .awaitText(".swagger-ui .info .title", "MCP Portal API")
                .awaitText(".opblock-summary-path", "/api/v1/teams/{teamId}/environments");

        // The stylesheet applied (a blocked one leaves the browser's default size) …
        assertThat(browser.script("return getComputedStyle(document.querySelector('.swagger-ui .info .title'))"
                + ".fontSize")).isEqualTo("36px");
        // … and every file the page fetched came from the portal itself.
        @SuppressWarnings("unchecked")
        List<String> fetched = (List<String>) browser.script(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
        assertThat(fetched).isNotEmpty().allMatch(url -> url.startsWith("http://localhost:" + port + "/"));
        assertThat(fetched).anyMatch(url -> url.contains("/v3/api-docs"));
        // Nothing was refused on the way: no blocked inline style or script in the console.
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
