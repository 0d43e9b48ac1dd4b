package com.mcpportal.portal.cloud.account;

import java.time.Instant;
import java.util.List;

import com.mcpportal.portal.cloud.ConnectionCheck;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.security.PortalWebMvcTest;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebMvcTest(CloudAccountController.class)
class CloudAccountControllerTests {

    static final PortalUserPrincipal ADMIN = PortalUserPrincipal.of(1, "root", true);
    static final PortalUserPrincipal ALICE = PortalUserPrincipal.of(2, "alice", false);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CloudAccounts accounts;

    @Test
    void onlyAdministratorsSeeCloudAccounts() throws Exception {
        mvc.perform(get("/admin/cloud-accounts").with(user(ALICE))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/cloud-accounts/1/test").with(user(ALICE)).with(csrf()))
                .andExpect(status().isForbidden());
        verify(accounts, never()).testConnection(1);
    }

    @Test
    void theListShowsEveryAccountAndTheFormToAddOne() throws Exception {
        given(accounts.all()).willReturn(List.of(account(1, "Simulated", CloudAccountMode.SIMULATED)));

        mvc.perform(get("/admin/cloud-accounts").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/cloud-accounts/1\"")))
                .andExpect(content().string(containsString("Add cloud account")));
    }

    @Test
    void aWrongRoleArnIsShownBesideItsField() throws Exception {
        given(accounts.create(any())).willThrow(new InvalidInputException("roleArn",
                "Enter an IAM role ARN like arn:aws:iam::123456789012:role/mcp-portal."));

        mvc.perform(post("/admin/cloud-accounts").with(user(ADMIN)).with(csrf()).param("name", "Prod")
                        .param("mode", "AWS").param("defaultRegion", "eu-west-1").param("roleArn", "arn:nope"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter an IAM role ARN like")))
                .andExpect(content().string(containsString("value=\"arn:nope\"")));
    }

    @Test
    void testingTheConnectionShowsWhatStsAnswered() throws Exception {
        given(accounts.testConnection(3)).willReturn(ConnectionCheck.failure(
                "AccessDenied: User is not authorized to perform: sts:AssumeRole"));

        mvc.perform(post("/admin/cloud-accounts/3/test").with(user(ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin/cloud-accounts/3"))
                .andExpect(flash().attribute("flash", new Flash("error",
                        "Connection failed: AccessDenied: User is not authorized to perform: sts:AssumeRole")));
    }

    @Test
    void theDetailPageShowsTheLastConnectionTest() throws Exception {
        CloudAccount account = account(3, "Production", CloudAccountMode.AWS);
        account.recordCheck(ConnectionCheck.success("123456789012", "arn:aws:sts::123456789012:assumed-role/x/p"),
                Instant.now());
        given(accounts.get(3)).willReturn(account);

        mvc.perform(get("/admin/cloud-accounts/3").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Connected to account 123456789012 as")))
                .andExpect(content().string(containsString("Test connection")));
    }

    @Test
    void theModeOfAnAccountInUseIsOffWithTheReasonAndStillSentAsItIs() throws Exception {
        given(accounts.get(3)).willReturn(account(3, "Production", CloudAccountMode.AWS));
        given(accounts.modeLocked(3)).willReturn(true);

        mvc.perform(get("/admin/cloud-accounts/3").with(user(ADMIN)))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<select(?=[^>]*name=\"mode\")(?=[^>]*disabled=\"disabled\")[^>]*>.*")))
                .andExpect(content().string(containsString("<input type=\"hidden\" name=\"mode\" value=\"AWS\">")))
                .andExpect(content().string(containsString("Environments with resources use this account")));

        given(accounts.modeLocked(3)).willReturn(false);
        mvc.perform(get("/admin/cloud-accounts/3").with(user(ADMIN)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("disabled=\"disabled\""))));
    }

    static CloudAccount account(long id, String name, CloudAccountMode mode) {
        CloudAccount account = new CloudAccount(new CloudAccountSettings(name, mode, "eu-central-1", null, null, null,
                null), Instant.now());
        ReflectionTestUtils.setField(account, "id", id);
        return account;
    }
}
