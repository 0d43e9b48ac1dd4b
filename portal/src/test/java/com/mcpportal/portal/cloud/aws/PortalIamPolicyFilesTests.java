package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The policy files in {@code deploy/iam} fit IAM's quotas, each holds the statements of its purpose, and the variant
 * for administrators who create the task roles themselves is the IAM policy without its IAM writes.
 *
 * <p>The quotas (IAM User Guide, "IAM and AWS STS quotas"; white space is not counted): a managed policy holds at
 * most 6,144 characters, and a role at most 10 attached managed policies by default; inline policies share 10,240
 * characters per role (2,048 per user) together, so splitting one policy into several inline ones never helps. The
 * portal's policy outgrew the inline quota with the image-publishing actions, so it ships as three managed policies.
 */
class PortalIamPolicyFilesTests {

    static final Path PRECREATED_ROLES = IamPolicyDocument.iamFile("portal-policy-iam-precreated-roles.json");

    static final int MANAGED_POLICY_QUOTA = 6_144;
    static final int ATTACHED_POLICIES_PER_ROLE_QUOTA = 10;

    /** Each file's purpose, as the service prefixes its statements may name. */
    static final Map<String, List<String>> PURPOSES = Map.of(
            "portal-policy-network.json", List.of("ec2", "ssm:GetParameter"),
            "portal-policy-service.json", List.of("ecs", "ecr", "logs", "ssm", "servicediscovery", "route53",
                    "apigateway", "tag", "pricing", "cloudwatch"),
            "portal-policy-iam.json", List.of("iam", "sts"),
            "portal-policy-scheduler.json", List.of("scheduler"),
            "portal-policy-autoscaling.json", List.of("application-autoscaling", "cloudwatch:PutMetricAlarm",
                    "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms"));

    @Test
    void thePreCreatedRolesVariantIsTheIamPolicyWithoutItsIamWrites() throws IOException {
        JsonNode policy = json(IamPolicyDocument.iamFile("portal-policy-iam.json"));
        ArrayNode kept = JsonMapper.builder().build().createArrayNode();
        for (JsonNode statement : policy.get("Statement")) {
            if (statement.get("Effect").asString().equals("Deny") || actions(statement).stream()
                    .noneMatch(a -> a.startsWith("iam:") && !a.equals("iam:PassRole"))) {
                kept.add(statement);
            }
        }

        assertThat(json(PRECREATED_ROLES).get("Statement")).as(PRECREATED_ROLES + " is made from the IAM policy by "
                + "the jq command in deploy/README.md; run it again after changing the policy").isEqualTo(kept);
        List<Path> wayB = List.of(IamPolicyDocument.PORTAL_POLICIES.get(0), IamPolicyDocument.PORTAL_POLICIES.get(1),
                PRECREATED_ROLES);
        assertThat(IamPolicy.read(wayB).statements()).filteredOn(IamPolicy.Statement::allow)
                .flatExtracting(IamPolicy.Statement::actions).filteredOn(a -> a.startsWith("iam:"))
                .containsOnly("iam:PassRole");
    }

    @Test
    void eachPolicyFitsTheQuotaOfAManagedPolicyAndARoleCanHoldThemAll() throws IOException {
        List<Path> files = new ArrayList<>(IamPolicyDocument.PORTAL_POLICIES);
        files.add(PRECREATED_ROLES);
        files.add(PortalIamPolicyScopeTests.BOUNDARY_FILE);
        for (Path file : files) {
            assertThat(Files.readString(file).replaceAll("\\s", "").length()).as(file
                    + ": characters without white space").isLessThanOrEqualTo(MANAGED_POLICY_QUOTA);
        }
        assertThat(IamPolicyDocument.PORTAL_POLICIES).hasSizeLessThanOrEqualTo(ATTACHED_POLICIES_PER_ROLE_QUOTA);
    }

    @Test
    void eachStatementIsInThePolicyOfItsPurposeAndNamedOnce() throws IOException {
        List<String> sids = new ArrayList<>();
        for (Path file : IamPolicyDocument.PORTAL_POLICIES) {
            List<String> allowed = PURPOSES.get(file.getFileName().toString());
            for (IamPolicy.Statement statement : IamPolicy.read(file).statements()) {
                sids.add(statement.sid());
                assertThat(statement.actions()).as(file.getFileName() + ": " + statement.sid())
                        .allSatisfy(action -> assertThat(allowed).anyMatch(prefix -> action.equals(prefix)
                                || action.startsWith(prefix + ":")));
            }
        }
        assertThat(sids).doesNotHaveDuplicates().doesNotContain("");
    }

    private static List<String> actions(JsonNode statement) {
        List<String> actions = new ArrayList<>();
        JsonNode action = statement.get("Action");
        if (action.isArray()) {
            action.forEach(a -> actions.add(a.asString()));
        } else {
            actions.add(action.asString());
        }
        return actions;
    }

    private static JsonNode json(Path file) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(file));
    }
}
