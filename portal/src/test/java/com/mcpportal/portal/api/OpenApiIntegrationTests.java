package com.mcpportal.portal.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI document and Swagger UI: for signed-in users, served by the portal itself under its CSP. */
@PortalIntegrationTest
class OpenApiIntegrationTests {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    private PortalUserPrincipal someone() {
        return TestData.principal(data.user("openapi-reader"));
    }

    @Test
    void theDocumentDescribesTheApiPathsWithBearerTokens() throws Exception {
        String document = mvc.perform(get("/v3/api-docs").with(user(someone()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        List<String> paths = new ArrayList<>(JsonPath.<java.util.Map<String, Object>>read(document, "$.paths").keySet());
        assertThat(paths).contains("/api/v1/teams/{teamId}/environments",
                "/api/v1/teams/{teamId}/environments/{environmentId}",
                "/api/v1/teams/{teamId}/environments/{environmentId}/provision",
                "/api/v1/teams/{teamId}/environments/{environmentId}/operations/{operationId}", "/api/v1/teams",
                "/api/v1/cloud-accounts", "/api/v1/teams/{teamId}/environments/{environmentId}/deploy",
                "/api/v1/teams/{teamId}/environments/{environmentId}/update-server",
                "/api/v1/teams/{teamId}/environments/{environmentId}/roll-back",
                "/api/v1/teams/{teamId}/server-updates");
        assertThat(JsonPath.<String>read(document, "$.paths['/api/v1/teams/{teamId}/environments/{environmentId}"
                + "/deploy'].post.summary")).contains("pinned by digest");
        assertThat(JsonPath.<List<String>>read(document, "$.paths['/api/v1/teams/{teamId}/environments/"
                + "{environmentId}/deploy'].post.parameters[*].name")).contains("Idempotency-Key");
        assertThat(JsonPath.<String>read(document, "$.paths['/api/v1/teams/{teamId}/environments/{environmentId}"
                + "/schedule/mirror'].put.summary")).contains("Keep the environment's hours in AWS");
        assertThat(JsonPath.<String>read(document, "$.paths['/api/v1/teams/{teamId}/schedule/mirror'].put.summary"))
                .contains("new environments of the team");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(document, "$.components.schemas.MirrorJson.properties")
                .keySet()).contains("keepInCloud", "state", "message", "checkedAt");
        assertThat(paths).allMatch(path -> path.startsWith("/api/v1/"));
        assertThat(JsonPath.<String>read(document, "$.components.securitySchemes.personalAccessToken.scheme"))
                .isEqualTo("bearer");
        assertThat(JsonPath.<List<Object>>read(document, "$.security[*].personalAccessToken")).isNotEmpty();
        assertThat(document).contains("Idempotency-Key");
    }

    @Test
    void bothNeedASignedInUser() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void swaggerUiLoadsEveryAssetFromThePortalUnderItsContentSecurityPolicy() throws Exception {
        PortalUserPrincipal reader = someone();
        MockHttpServletResponse index = mvc.perform(get("/swagger-ui/index.html").with(user(reader)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        containsString("script-src 'self'; style-src 'self';")))
                .andReturn().getResponse();
        String html = index.getContentAsString();
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>\\s*\\S")
                .as("no inline scripts (the CSP forbids them)");
        assertThat(html).doesNotContain("<style").as("no inline styles");

        Matcher assets = ASSET.matcher(html);
        List<String> loaded = new ArrayList<>();
        while (assets.find()) {
            String asset = assets.group(1);
            assertThat(asset).as("served by the portal, no CDN").doesNotStartWith("http").doesNotStartWith("//");
            String path = URI.create("/swagger-ui/index.html").resolve(asset).getPath();
            mvc.perform(get(path).with(user(reader))).andExpect(status().isOk());
            loaded.add(path);
        }
        assertThat(loaded).contains("/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/swagger-initializer.js");
        assertThat(loaded).as("the portal's own style sheet and script for Swagger UI's page (api.SwaggerUiPage)")
                .contains("/css/swagger-ui.css", "/js/swagger-ui.js");
        assertThat(html).contains("<title>API documentation &middot; MCP Portal</title>", "<main id=\"swagger-ui\">");
        String initializer = mvc.perform(get("/swagger-ui/swagger-initializer.js").with(user(reader)))
                .andReturn().getResponse().getContentAsString();
        assertThat(initializer).contains("/v3/api-docs").doesNotContain("petstore");
    }
}
