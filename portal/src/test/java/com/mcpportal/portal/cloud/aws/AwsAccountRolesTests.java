package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.query;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.queryError;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.queryOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

/**
 * The task roles carry the permissions boundary the portal's IAM policy insists on: created with it, given it
 * when an older portal made them without one, and never taken from a boundary an administrator chose.
 */
class AwsAccountRolesTests {

    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    @Test
    void bothRolesAreCreatedInsideTheBoundaryOfTheirAccount() {
        AccountRoles roles = fake.provider().ensureAccountRoles(AwsFake.target());

        assertThat(roles).isEqualTo(new AccountRoles(EmptyAccount.EXECUTION_ROLE_ARN, EmptyAccount.TASK_ROLE_ARN));
        assertThat(fake.calls("iam:CreateRole")).extracting(call -> call.param("RoleName") + " "
                + call.param("PermissionsBoundary")).containsExactly(
                        "mcp-portal-task-execution " + EmptyAccount.BOUNDARY_ARN,
                        "mcp-portal-task " + EmptyAccount.BOUNDARY_ARN);
        assertThat(fake.calls("iam:PutRolePermissionsBoundary")).isEmpty();
    }

    @Test
    void rolesAnOlderPortalMadeWithoutABoundaryGetItBeforeTheirPoliciesAreWritten() {
        givenRoles(false);

        fake.provider().ensureAccountRoles(AwsFake.target());

        assertThat(fake.actions()).filteredOn(a -> a.startsWith("iam:")).containsExactly("iam:GetRole",
                "iam:PutRolePermissionsBoundary", "iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:GetRole",
                "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy");
        assertThat(fake.calls("iam:PutRolePermissionsBoundary")).extracting(call -> call.param("RoleName") + " "
                + call.param("PermissionsBoundary")).containsExactly(
                        "mcp-portal-task-execution " + EmptyAccount.BOUNDARY_ARN,
                        "mcp-portal-task " + EmptyAccount.BOUNDARY_ARN);
    }

    @Test
    void rolesAlreadyInsideTheBoundaryAreLeftAsTheyAre() {
        givenRoles(true);

        fake.provider().ensureAccountRoles(AwsFake.target());

        assertThat(fake.calls("iam:CreateRole")).isEmpty();
        assertThat(fake.calls("iam:PutRolePermissionsBoundary")).isEmpty();
    }

    @Test
    void aRoleWithAnotherBoundaryIsNotTouchedAndTheErrorSaysWhatToDo() {
        fake.answer(query("iam", "GetRole"), queryOk(IAM_NS, "GetRole", EmptyAccount.role(
                EmptyAccount.EXECUTION_ROLE_ARN, true).replace("mcp-portal-task-boundary", "company-boundary")));

        assertThatThrownBy(() -> fake.provider().ensureAccountRoles(AwsFake.target()))
                .isInstanceOfSatisfying(CloudException.class,
                        e -> assertThat(e.kind()).isEqualTo(CloudErrorKind.INVALID_REQUEST))
                .hasMessageContaining("company-boundary").hasMessageContaining("give their ARNs");
        assertThat(fake.actions()).filteredOn(a -> a.startsWith("iam:")).containsExactly("iam:GetRole");
    }

    @Test
    void aMissingBoundaryPolicyIsNamedWithWhereItComesFrom() {
        fake.answer(query("iam", "CreateRole"), queryError(404, "NoSuchEntity", "Scope ARN: "
                + EmptyAccount.BOUNDARY_ARN + " does not exist or is not attachable."));

        assertThatThrownBy(() -> fake.provider().ensureAccountRoles(AwsFake.target()))
                .isInstanceOf(CloudException.class)
                .hasMessageContaining(EmptyAccount.BOUNDARY_ARN)
                .hasMessageContaining("deploy/iam/task-role-boundary.json");
    }

    @Test
    void bothRolesTrustOnlyEcsTasksUnderThePortalsPathAndTheExecutionRoleGetsTheManagedPolicy() {
        fake.provider().ensureAccountRoles(AwsFake.target());

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

        assertThatThrownBy(() -> fake.provider().ensureAccountRoles(AwsFake.target()))
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

        assertThatThrownBy(() -> fake.provider().ensureAccountRoles(AwsFake.target()))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudErrorKind.ACCESS_DENIED);
                    assertThat(e.providerMessage()).contains("not authorized to perform: iam:CreateRole",
                            "enter their ARNs on the cloud account");
                });
    }

    private void givenRoles(boolean bounded) {
        for (String arn : new String[] {EmptyAccount.EXECUTION_ROLE_ARN, EmptyAccount.TASK_ROLE_ARN}) {
            fake.answer(query("iam", "GetRole").withFormParam("RoleName",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(arn.substring(arn.lastIndexOf('/') + 1))),
                    queryOk(IAM_NS, "GetRole", EmptyAccount.role(arn, bounded)));
        }
    }
}
