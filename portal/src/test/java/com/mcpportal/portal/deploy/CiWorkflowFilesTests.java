package com.mcpportal.portal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/ci/: the GitHub Actions example parses as YAML and does what its README says (Jib through the Maven wrapper,
 * an OIDC role, the deploy script with the token from a secret), every file it names exists, and the IAM documents
 * let GitHub's OIDC token of one repository push to one ECR repository and do nothing else.
 */
class CiWorkflowFilesTests {

    static final Path CI = Path.of("..", "deploy", "ci");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theWorkflowBuildsWithJibPushesWithAnOidcRoleAndDeploysThroughThePortal() throws IOException {
        Map<String, Object> workflow = new Yaml().load(Files.readString(CI.resolve("github-actions-deploy.yml")));

        // YAML 1.1 (SnakeYAML) reads the key "on" as true; GitHub reads it as "on".
        Map<String, Object> triggers = map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(true));
        assertThat(triggers).containsKeys("push", "workflow_dispatch");
        assertThat(map(workflow.get("permissions"))).containsEntry("id-token", "write")
                .containsEntry("contents", "read");
        List<Map<String, Object>> steps = list(map(map(workflow.get("jobs")).get("deploy")).get("steps"));

        Map<String, Object> credentials = step(steps, "uses", "aws-actions/configure-aws-credentials@");
        assertThat(map(credentials.get("with"))).containsKeys("role-to-assume", "aws-region")
                .doesNotContainKeys("aws-access-key-id", "aws-secret-access-key");
        String build = (String) step(steps, "run", "jib:build").get("run");
        assertThat(build).contains("./mvnw", "-pl mcp-server", "-Pjib", "jib:build", "-Dimage=\"$ECR_REPOSITORY:",
                "-Djib.from.platforms=", "mcp-server/target/jib-image.digest");
        Map<String, Object> deploy = steps.get(steps.size() - 1);
        assertThat((String) deploy.get("run")).startsWith("deploy/ci/deploy.sh \"$IMAGE\"");
        assertThat(map(deploy.get("env"))).containsEntry("MCP_PORTAL_TOKEN", "${{ secrets.MCP_PORTAL_TOKEN }}")
                .containsKeys("MCP_PORTAL_URL", "MCP_PORTAL_TEAM_ID", "MCP_PORTAL_ENVIRONMENT_ID");
        assertThat(steps.indexOf(credentials)).as("credentials before the push")
                .isLessThan(steps.indexOf(step(steps, "run", "jib:build")));
    }

    @Test
    void everyFileTheWorkflowAndReadmeNameIsThere() throws IOException {
        String text = Files.readString(CI.resolve("github-actions-deploy.yml")) + Files.readString(
                CI.resolve("README.md"));
        Matcher file = Pattern.compile("(?:deploy/ci/|`)([a-z-]+\\.(?:sh|json|yml))").matcher(text);
        int named = 0;
        while (file.find()) {
            named++;
            assertThat(CI.resolve(file.group(1))).as(file.group()).exists();
        }
        assertThat(named).isGreaterThanOrEqualTo(6);
        assertThat(Files.isExecutable(CI.resolve("deploy.sh"))).isTrue();
    }

    @Test
    void theRoleTrustsGitHubsOidcTokensOfOneRepositoryAndBranchOnly() throws IOException {
        JsonNode statement = JSON.readTree(CI.resolve("github-oidc-trust-policy.json").toFile()).at("/Statement/0");

        assertThat(statement.path("Effect").asString()).isEqualTo("Allow");
        assertThat(statement.at("/Principal/Federated").asString())
                .endsWith(":oidc-provider/token.actions.githubusercontent.com");
        assertThat(statement.path("Action").asString()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        JsonNode equals = statement.at("/Condition/StringEquals");
        assertThat(equals.path("token.actions.githubusercontent.com:aud").asString()).isEqualTo("sts.amazonaws.com");
        assertThat(equals.path("token.actions.githubusercontent.com:sub").asString())
                .matches("repo:[^/*]+/[^:*]+:ref:refs/heads/[^*]+");
    }

    @Test
    void theRoleMayLogInToEcrAndPushToOneRepositoryAndNothingElse() throws IOException {
        JsonNode statements = JSON.readTree(CI.resolve("ci-push-policy.json").toFile()).path("Statement");

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).path("Action").asString()).isEqualTo("ecr:GetAuthorizationToken");
        JsonNode push = statements.get(1);
        assertThat(push.path("Action").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
                "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart");
        assertThat(push.path("Resource").asString()).matches("arn:aws:ecr:[a-z0-9-]+:\\d{12}:repository/mcp-[0-9a-f]+");
        assertThat(statements.valueStream().map(s -> s.path("Effect").asString())).containsOnly("Allow");
    }

    private static Map<String, Object> step(List<Map<String, Object>> steps, String key, String containing) {
        return steps.stream().filter(step -> String.valueOf(step.get(key)).contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no step whose " + key + " has " + containing));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }
}
