package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The policy files in {@code deploy/iam} fit IAM's quotas, and the variant for administrators who create the task
 * roles themselves is the portal's policy without its IAM writes.
 */
class PortalIamPolicyFilesTests {

    static final Path PRECREATED_ROLES = Path.of("..", "deploy", "iam", "portal-policy-precreated-roles.json");

    /** IAM quotas: inline policies of one role, at most 10,240 characters together; white space is not counted. */
    static final int INLINE_ROLE_POLICY_QUOTA = 10_240;

    @Test
    void thePreCreatedRolesVariantIsThePolicyWithoutItsIamWrites() throws IOException {
        JsonNode policy = json(IamPolicyDocument.PORTAL_POLICY);
        ArrayNode kept = JsonMapper.builder().build().createArrayNode();
        for (JsonNode statement : policy.get("Statement")) {
            if (statement.get("Effect").asString().equals("Deny") || actions(statement).stream()
                    .noneMatch(a -> a.startsWith("iam:") && !a.equals("iam:PassRole"))) {
                kept.add(statement);
            }
        }

        assertThat(json(PRECREATED_ROLES).get("Statement")).as(PRECREATED_ROLES + " is made from the policy by the "
                + "jq command in deploy/README.md; run it again after changing the policy").isEqualTo(kept);
        assertThat(IamPolicy.read(PRECREATED_ROLES).statements()).filteredOn(IamPolicy.Statement::allow)
                .flatExtracting(IamPolicy.Statement::actions).filteredOn(a -> a.startsWith("iam:"))
                .containsOnly("iam:PassRole");
    }

    @Test
    void eachPolicyFitsTheQuotaOfARolesInlinePolicies() throws IOException {
        for (Path file : List.of(IamPolicyDocument.PORTAL_POLICY, PRECREATED_ROLES,
                PortalIamPolicyScopeTests.BOUNDARY_FILE)) {
            assertThat(Files.readString(file).replaceAll("\\s", "").length()).as(file
                    + ": characters without white space").isLessThanOrEqualTo(INLINE_ROLE_POLICY_QUOTA);
        }
    }

    private static List<String> actions(JsonNode statement) {
        List<String> actions = new java.util.ArrayList<>();
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
