package com.mcpportal.portal.cloud.account;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static com.mcpportal.portal.accesstoken.AccessTokensForTests.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/cloud-accounts}: any signed-in user, as the environment form lists the accounts, sees what a
 * script needs to choose one (id, name, mode, default region, last connection test) and none of its secrets.
 */
@PortalIntegrationTest
class CloudAccountApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CloudAccounts accounts;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Test
    void anyUserListsTheAccountsWithTheirModeButNotTheirRoles() throws Exception {
        CloudAccount aws = accounts.create(new CloudAccountSettings(TestData.unique("Prod"), CloudAccountMode.AWS,
                "eu-west-1", "arn:aws:iam::123456789012:role/portal", "external-id-secretish", null, null));
        String token = new AccessTokensForTests(context).issue(data.user("accounts-api-reader"));

        String body = mvc.perform(get("/api/v1/cloud-accounts").param("limit", "200").with(bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(JsonPath.<List<String>>read(body, "$.items[?(@.mode == 'SIMULATED')].name")).contains("Simulated");
        assertThat(JsonPath.<List<String>>read(body, "$.items[?(@.id == " + aws.getId() + ")].defaultRegion"))
                .containsExactly("eu-west-1");
        assertThat(body).doesNotContain("arn:aws:iam::123456789012:role/portal", "external-id-secretish");
        assertThat(JsonPath.<List<String>>read(body, "$.items[?(@.id == " + aws.getId() + ")].mode"))
                .containsExactly("AWS");
    }

    @Test
    void pagesByIdAndNeedsAToken() throws Exception {
        accounts.create(new CloudAccountSettings(TestData.unique("Paged"), CloudAccountMode.AWS, "us-east-1",
                null, null, null, null));
        String token = new AccessTokensForTests(context).issue(data.user("accounts-api-pager"));

        String first = mvc.perform(get("/api/v1/cloud-accounts").param("limit", "1").with(bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        int firstId = JsonPath.read(first, "$.items[0].id");
        String next = JsonPath.read(first, "$.next");
        mvc.perform(get("/api/v1/cloud-accounts").param("limit", "1").param("cursor", next).with(bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(greaterThan(firstId)));
        mvc.perform(get("/api/v1/cloud-accounts")).andExpect(status().isUnauthorized());
    }
}
