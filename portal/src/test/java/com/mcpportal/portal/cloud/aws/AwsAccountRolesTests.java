package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.query;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.queryError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

/** The two ECS task roles the portal creates once per account, and what it says when it cannot. */
class AwsAccountRolesTests {

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final CloudTarget target = EmptyAccount.ENVIRONMENT.target();

    @Test
    void createsTheExecutionAndTaskRolesAndAttachesTheManagedExecutionPolicy() {
        AccountRoles roles = fake.provider().ensureAccountRoles(target);

        assertThat(roles).isEqualTo(new AccountRoles(EmptyAccount.ROLE_ARN, EmptyAccount.ROLE_ARN));
        assertThat(fake.calls("iam:CreateRole")).extracting(call -> call.param("RoleName"))
                .containsExactly("mcp-portal-task-execution", "mcp-portal-task");
        assertThat(fake.calls("iam:CreateRole")).allSatisfy(call -> {
            assertThat(call.param("Path")).isEqualTo("/mcp-portal/");
            assertThat(call.param("AssumeRolePolicyDocument")).contains("ecs-tasks.amazonaws.com");
        });
        assertThat(fake.onlyCall("iam:AttachRolePolicy").param("PolicyArn"))
                .isEqualTo("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
    }

    @Test
    void aManagedPolicyThatCannotBeAttachedSaysToGiveTheRoleArnsOnTheCloudAccount() {
        // moto's answer (it loads no AWS managed policies), and AWS's in a partition without the policy.
        fake.answer(query("iam", "AttachRolePolicy"), queryError(404, "NoSuchEntity", "Policy "
                + "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy does not exist or is not"
                + " attachable."));

        assertThatThrownBy(() -> fake.provider().ensureAccountRoles(target))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.retryable()).as("retrying cannot make the policy appear").isFalse();
                    assertThat(e.errorCode()).isEqualTo("NoSuchEntity");
                    assertThat(e.providerMessage()).contains("AmazonECSTaskExecutionRolePolicy does not exist",
                            "enter their ARNs on the cloud account", "Task execution role ARN", "Task role ARN");
                });
        assertThat(fake.calls("iam:AttachRolePolicy")).as("no step retries").hasSize(1);
    }

    @Test
    void rolesThePortalMayNotCreateAlsoPointToTheCloudAccountsRoleArns() {
        fake.answer(query("iam", "CreateRole"), queryError(403, "AccessDenied", "User: arn:aws:sts::123456789012:"
                + "assumed-role/portal is not authorized to perform: iam:CreateRole"));

        assertThatThrownBy(() -> fake.provider().ensureAccountRoles(target))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudErrorKind.ACCESS_DENIED);
                    assertThat(e.providerMessage()).contains("not authorized to perform: iam:CreateRole",
                            "enter their ARNs on the cloud account");
                });
    }
}
