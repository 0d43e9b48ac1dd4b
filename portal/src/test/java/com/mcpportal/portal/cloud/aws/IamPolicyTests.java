package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mcpportal.portal.cloud.aws.IamPolicy.Decision;
import com.mcpportal.portal.cloud.aws.IamPolicy.Request;

/** The policy evaluator the IAM policy tests rely on decides as IAM's documented evaluation logic does. */
class IamPolicyTests {

    @TempDir
    Path dir;

    @Test
    void anExplicitDenyWinsOverAnAllowAndNothingAllowedIsDeniedImplicitly() throws IOException {
        IamPolicy policy = policy("""
                {"Effect":"Allow","Action":"iam:*","Resource":"*"},
                {"Effect":"Deny","Action":"iam:DeleteRolePermissionsBoundary",
                 "Resource":"arn:aws:iam::*:role/app/*"}""");

        assertThat(policy.decide(Request.of("iam:DeleteRolePermissionsBoundary", "arn:aws:iam::1:role/app/r")))
                .isEqualTo(Decision.EXPLICITLY_DENIED);
        assertThat(policy.decide(Request.of("iam:DeleteRolePermissionsBoundary", "arn:aws:iam::1:role/other")))
                .isEqualTo(Decision.ALLOWED);
        assertThat(policy.decide(Request.of("ec2:RunInstances", "*"))).isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void aMissingKeyFailsPlainOperatorsAndPassesNegatedOnesIfExistsAndForAllValues() throws IOException {
        Request bare = Request.of("ec2:RunInstances", "*");

        assertThat(policy(allowIf("\"StringEquals\":{\"ec2:Owner\":\"amazon\"}")).allows(bare)).isFalse();
        assertThat(policy(allowIf("\"StringNotEquals\":{\"ec2:Owner\":\"amazon\"}")).allows(bare)).isTrue();
        assertThat(policy(allowIf("\"StringEqualsIfExists\":{\"ec2:Owner\":\"amazon\"}")).allows(bare)).isTrue();
        assertThat(policy(allowIf("\"ForAllValues:StringLike\":{\"aws:TagKeys\":[\"a:*\"]}")).allows(bare)).isTrue();
        assertThat(policy(allowIf("\"ForAnyValue:StringLike\":{\"aws:TagKeys\":[\"a:*\"]}")).allows(bare)).isFalse();
        assertThat(policy(allowIf("\"Null\":{\"aws:RequestTag/env\":\"false\"}")).allows(bare)).isFalse();
        assertThat(policy(allowIf("\"Null\":{\"aws:RequestTag/env\":\"false\"}")).allows(bare.with(
                "aws:RequestTag/env", "e1"))).isTrue();
    }

    @Test
    void valuesMatchAsTheOperatorSaysAndKeysIgnoreCase() throws IOException {
        IamPolicy types = policy(allowIf("\"StringEquals\":{\"ec2:InstanceType\":[\"t4g.nano\",\"t3.micro\"]}"));
        IamPolicy tagKeys = policy(allowIf(
                "\"ForAllValues:StringLike\":{\"aws:TagKeys\":[\"mcp-portal:*\",\"Name\"]}"));
        Request run = Request.of("ec2:RunInstances", "*");

        assertThat(types.allows(run.with("EC2:instancetype", "t3.micro"))).isTrue();
        assertThat(types.allows(run.with("ec2:InstanceType", "T3.MICRO"))).isFalse();
        assertThat(tagKeys.allows(run.with("aws:TagKeys", "mcp-portal:env", "Name"))).isTrue();
        assertThat(tagKeys.allows(run.with("aws:TagKeys", "mcp-portal:env", "owner"))).isFalse();
    }

    @Test
    void policyVariablesTakeTheRequestsValueAndResourcesMatchWithWildcards() throws IOException {
        IamPolicy policy = policy("""
                {"Effect":"Allow","Action":"iam:CreateRole","Resource":"arn:aws:iam::*:role/app/r?",
                 "Condition":{"ArnEquals":
                   {"iam:PermissionsBoundary":"arn:aws:iam::${aws:PrincipalAccount}:policy/b"}}}""");
        Request create = Request.of("iam:CreateRole", "arn:aws:iam::1:role/app/r1").with("aws:PrincipalAccount", "1");

        assertThat(policy.allows(create.with("iam:PermissionsBoundary", "arn:aws:iam::1:policy/b"))).isTrue();
        assertThat(policy.allows(create.with("iam:PermissionsBoundary", "arn:aws:iam::2:policy/b"))).isFalse();
        assertThat(policy.allows(new Request("iam:CreateRole", "arn:aws:iam::1:role/app/r12", create.context())
                .with("iam:PermissionsBoundary", "arn:aws:iam::1:policy/b"))).isFalse();
    }

    @Test
    void whatItCannotEvaluateIsRefusedRatherThanGuessed() throws IOException {
        assertThatThrownBy(() -> policy("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}"))
                .hasMessageContaining("NotAction");
        IamPolicy dates = policy(allowIf("\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}"));
        assertThatThrownBy(() -> dates.allows(Request.of("ec2:RunInstances", "*").with("aws:CurrentTime", "x")))
                .hasMessageContaining("DateLessThan");
    }

    private static String allowIf(String condition) {
        return "{\"Effect\":\"Allow\",\"Action\":\"ec2:RunInstances\",\"Resource\":\"*\",\"Condition\":{"
                + condition + "}}";
    }

    private IamPolicy policy(String statements) throws IOException {
        Path file = Files.writeString(dir.resolve("policy.json"),
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
        return IamPolicy.read(file);
    }
}
