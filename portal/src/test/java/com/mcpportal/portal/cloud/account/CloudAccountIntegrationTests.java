package com.mcpportal.portal.cloud.account;

import java.util.List;

import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An administrator registers, tests and changes cloud accounts; every change is audited. */
@PortalIntegrationTest
class CloudAccountIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CloudAccounts accounts;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void anAdministratorAddsAnAwsAccountThroughThePageAndItIsAudited() throws Exception {
        PortalUserPrincipal admin = TestData.principal(data.admin());
        String name = TestData.unique("Production");

        mvc.perform(post("/admin/cloud-accounts").with(user(admin)).with(csrf()).param("name", name)
                        .param("mode", "AWS").param("defaultRegion", "eu-west-1")
                        .param("roleArn", "arn:aws:iam::123456789012:role/mcp-portal").param("externalId", "team-42")
                        .param("executionRoleArn", "").param("taskRoleArn", ""))
                .andExpect(status().is3xxRedirection());

        CloudAccount account = accounts.all().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
        assertThat(account.getMode()).isEqualTo(CloudAccountMode.AWS);
        assertThat(account.target("eu-west-1").roleArn()).isEqualTo("arn:aws:iam::123456789012:role/mcp-portal");
        assertThat(account.target("eu-west-1").externalId()).isEqualTo("team-42");
        assertThat(account.configuredRoles()).isNull();
        assertThat(jdbc.queryForList("SELECT actor || ' ' || action FROM audit_event WHERE target_type = 'cloud-account'"
                + " AND target_id = ?", String.class, String.valueOf(account.getId())))
                .containsExactly("admin cloud-account.created");
    }

    @Test
    void theSimulatedAccountAnswersTheConnectionTestAndRemembersIt() {
        long id = new Environments(context).simulatedAccountId();

        assertThat(accounts.testConnection(id).ok()).isTrue();

        CloudAccount account = accounts.get(id);
        assertThat(account.getLastCheckOk()).isTrue();
        assertThat(account.getLastCheckMessage()).startsWith("Simulated account ");
        assertThat(jdbc.queryForList("SELECT outcome FROM audit_event WHERE action = 'cloud-account.connection-tested'"
                + " AND target_id = ?", String.class, String.valueOf(id))).contains("SUCCESS");
    }

    @Test
    void anAccountInUseKeepsItsModeAndCannotBeRemoved() {
        Environments environments = new Environments(context);
        CloudAccount account = accounts.create(new CloudAccountSettings(TestData.unique("Sandbox"),
                CloudAccountMode.SIMULATED, "us-east-1", null, null, null, null));
        environments.service().create(data.team("Accounts", data.user("accounts-owner")).getId(),
                Environments.input(TestData.unique("env"), account.getId()));

        assertThatThrownBy(() -> accounts.update(account.getId(), new CloudAccountSettings(account.getName(),
                CloudAccountMode.AWS, "us-east-1", null, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Deprovision them first");
        assertThatThrownBy(() -> accounts.delete(account.getId())).isInstanceOf(InvalidInputException.class);

        CloudAccount unused = accounts.create(new CloudAccountSettings(TestData.unique("Spare"),
                CloudAccountMode.SIMULATED, "us-east-1", null, null, null, null));
        accounts.delete(unused.getId());
        assertThat(accounts.all()).extracting(CloudAccount::getId).doesNotContain(unused.getId());
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE target_type = 'cloud-account'"
                + " AND target_id = ? ORDER BY id", String.class, String.valueOf(unused.getId())))
                .isEqualTo(List.of("cloud-account.created", "cloud-account.deleted"));
    }
}
