package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.LogGroup;
import com.mcpportal.portal.cloud.SecretRef;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

import tools.jackson.databind.JsonNode;

class AwsRegistryLogsAndSecretsTests {

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;

    private CloudProvider cloud() {
        return fake.provider();
    }

    @Test
    void createsATaggedRepositoryThatKeepsTheLastFiveImages() {
        cloud().ensureRepository(env);

        JsonNode create = fake.onlyCall("ecr:CreateRepository").json();
        assertThat(create.get("repositoryName").asString()).isEqualTo("mcp-env1");
        assertThat(create.get("imageTagMutability").asString()).isEqualTo("IMMUTABLE");
        assertThat(fake.actions()).doesNotContain("ecr:PutImageTagMutability");
        assertThat(tags(create.get("tags"), "Key", "Value")).containsEntry("mcp-portal:environment-id", "env1");
        JsonNode rule = AwsCallsJson.parse(fake.onlyCall("ecr:PutLifecyclePolicy").json().get("lifecyclePolicyText")
                .asString()).get("rules").get(0);
        assertThat(rule.get("selection").get("tagStatus").asString()).isEqualTo("any");
        assertThat(rule.get("selection").get("countType").asString()).isEqualTo("imageCountMoreThan");
        assertThat(rule.get("selection").get("countNumber").asInt()).isEqualTo(5);
        assertThat(rule.get("action").get("type").asString()).isEqualTo("expire");
        assertThat(fake.actions()).as("a new repository has no policy to ask for")
                .containsExactly("ecr:DescribeRepositories", "ecr:CreateRepository", "ecr:PutLifecyclePolicy");
    }

    @Test
    void reusesARepositoryThatAlreadyHasThePolicy() {
        fake.answer(json("ecr", "DescribeRepositories"), jsonOk("""
                {"repositories":[{"repositoryName":"mcp-env1","repositoryUri":"uri/mcp-env1","repositoryArn":"arn",\
                "imageTagMutability":"IMMUTABLE"}]}"""));
        fake.answer(json("ecr", "GetLifecyclePolicy"), jsonOk("{\"repositoryName\":\"mcp-env1\",\"lifecyclePolicyText\":"
                + AwsCallsJson.quote(RegistryResources.KEEP_LAST_FIVE) + "}"));

        assertThat(cloud().ensureRepository(env).uri()).isEqualTo("uri/mcp-env1");
        assertThat(fake.actions()).doesNotContain("ecr:CreateRepository", "ecr:PutLifecyclePolicy",
                "ecr:PutImageTagMutability");
    }

    @Test
    void aRepositoryWithMutableTagsGetsImmutableOnes() {
        fake.answer(json("ecr", "DescribeRepositories"), jsonOk("""
                {"repositories":[{"repositoryName":"mcp-env1","repositoryUri":"uri/mcp-env1","repositoryArn":"arn",\
                "imageTagMutability":"MUTABLE"}]}"""));
        fake.answer(json("ecr", "PutImageTagMutability"), jsonOk("""
                {"registryId":"123456789012","repositoryName":"mcp-env1","imageTagMutability":"IMMUTABLE"}"""));

        cloud().ensureRepository(env);

        JsonNode put = fake.onlyCall("ecr:PutImageTagMutability").json();
        assertThat(put.get("repositoryName").asString()).isEqualTo("mcp-env1");
        assertThat(put.get("imageTagMutability").asString()).isEqualTo("IMMUTABLE");
        assertThat(fake.actions()).doesNotContain("ecr:CreateRepository");
    }

    @Test
    void createsTheLogGroupWithItsRetention() {
        LogGroup group = cloud().ensureLogGroup(env, 7);

        JsonNode create = fake.onlyCall("logs:CreateLogGroup").json();
        assertThat(create.get("logGroupName").asString()).isEqualTo("/mcp-portal/mcp-env1");
        assertThat(create.get("tags").get("mcp-portal:team").asString()).isEqualTo("Team A");
        assertThat(fake.onlyCall("logs:PutRetentionPolicy").json().get("retentionInDays").asInt()).isEqualTo(7);
        assertThat(group).isEqualTo(new LogGroup("/mcp-portal/mcp-env1", 7));
    }

    @Test
    void anExistingLogGroupOnlyGetsItsRetentionChanged() {
        fake.answer(json("logs", "DescribeLogGroups"), jsonOk("""
                {"logGroups":[{"logGroupName":"/mcp-portal/mcp-env10","retentionInDays":7},
                              {"logGroupName":"/mcp-portal/mcp-env1","retentionInDays":30}]}"""));

        cloud().ensureLogGroup(env, 7);

        assertThat(fake.actions()).doesNotContain("logs:CreateLogGroup");
        assertThat(fake.onlyCall("logs:PutRetentionPolicy").json().get("retentionInDays").asInt()).isEqualTo(7);
    }

    @Test
    void aLogGroupWithTheRightRetentionIsLeftAlone() {
        fake.answer(json("logs", "DescribeLogGroups"), jsonOk("""
                {"logGroups":[{"logGroupName":"/mcp-portal/mcp-env1","retentionInDays":7}]}"""));

        cloud().ensureLogGroup(env, 7);

        assertThat(fake.actions()).containsExactly("logs:DescribeLogGroups");
    }

    @Test
    void refusesARetentionCloudWatchDoesNotOffer() {
        assertThatThrownBy(() -> cloud().ensureLogGroup(env, 10)).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.kind()).isEqualTo(CloudErrorKind.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("must be one of", "14");
        });
        assertThat(fake.actions()).isEmpty();
    }

    @Test
    void storesASecretAsSecureStringWithTheDefaultKeyAndTagsIt() {
        SecretRef secret = cloud().putSecret(env, "elevenlabs-api-key", "xi-secret-value");

        JsonNode put = fake.onlyCall("ssm:PutParameter").json();
        assertThat(put.get("Name").asString()).isEqualTo("/mcp-portal/mcp-env1/elevenlabs-api-key");
        assertThat(put.get("Type").asString()).isEqualTo("SecureString");
        assertThat(put.get("Overwrite").asBoolean()).isTrue();
        assertThat(put.get("Value").asString()).isEqualTo("xi-secret-value");
        assertThat(put.has("KeyId")).as("default aws/ssm key").isFalse();
        JsonNode tag = fake.onlyCall("ssm:AddTagsToResource").json();
        assertThat(tag.get("ResourceType").asString()).isEqualTo("Parameter");
        assertThat(tags(tag.get("Tags"), "Key", "Value")).containsEntry("mcp-portal:environment-id", "env1");
        // Named, not looked up again: the task definition refers to it by name, which ECS accepts in its region.
        assertThat(secret.name()).isEqualTo("/mcp-portal/mcp-env1/elevenlabs-api-key");
        assertThat(fake.actions()).containsExactly("ssm:PutParameter", "ssm:AddTagsToResource");
        assertThat(secret.toString()).doesNotContain("xi-secret-value");
    }

    @Test
    void storesASecretWhenSsmAnswersWithoutTheParametersArn() {
        // moto's DescribeParameters leaves the ARN out, and AWS documents every answer field as optional.
        fake.answer(json("ssm", "DescribeParameters"), jsonOk("""
                {"Parameters":[{"Name":"/mcp-portal/mcp-env1/elevenlabs-api-key","Type":"SecureString"}]}"""));

        SecretRef secret = cloud().putSecret(env, "elevenlabs-api-key", "xi-secret-value");

        assertThat(secret.name()).isEqualTo("/mcp-portal/mcp-env1/elevenlabs-api-key");
        assertThat(fake.calls("ssm:PutParameter")).hasSize(1);
    }

    @Test
    void refusesSecretNamesThatWouldEscapeTheEnvironmentsPath() {
        assertThatThrownBy(() -> cloud().putSecret(env, "../other/key", "v")).isInstanceOf(CloudException.class)
                .hasMessageContaining("Secret names");
        assertThat(fake.actions()).isEmpty();
    }

    static Map<String, String> tags(JsonNode list, String key, String value) {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        list.forEach(tag -> tags.put(tag.get(key).asString(), tag.get(value).asString()));
        return tags;
    }
}
