package com.mcpportal.portal.environment.operation;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.aws.AwsCloudProvider;
import com.mcpportal.portal.cloud.aws.AwsSettings;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;
import com.mcpportal.portal.cloud.image.DockerRegistry;
import com.mcpportal.portal.cloud.image.EcrLoginRegistry;
import com.mcpportal.portal.cloud.image.ImageSettings;
import com.mcpportal.portal.cloud.image.JibImagePublisher;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.environment.ImageSource;

/**
 * Provisioning an environment that runs the MCP server the portal publishes, on the AWS adapter: the steps up to the
 * task definition run against the AWS fake (ECR's login token, ECS's registration), while the image goes, through the
 * registry override, to a real registry that demands that very token (basic authentication as {@code AWS}, as ECR;
 * over plain HTTP here, which Jib's {@code sendCredentialsOverHttp} allows for this class only).
 * The task definition registered in the run names the image by the digest the registry serves for its tag.
 */
class PublishedImageProvisionIntegrationTests {

    private static final String TOKEN = "ecr-token-for-this-test";

    @RegisterExtension
    static final EcrLoginRegistry ecr = new EcrLoginRegistry(TOKEN, "25-test");

    static final DockerRegistry registry = ecr.registry();

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private static final EnvironmentSpec SPEC = new EnvironmentSpec(AwsFake.REGION, FargateSize.DEFAULT,
            Architecture.ARM64, ImageSource.PUBLISHED, null, null, NatSpec.defaults(), false, 7, List.of());

    @Test
    void theTaskDefinitionNamesThePublishedImageByTheDigestTheRegistryServes() {
        fake.answerEcrLogin(TOKEN);

        CloudResources resources = provisionUpToTheTaskDefinition();

        DockerRegistry.Manifest manifest = registry.manifest("mcp-env1", resources.image().tag());
        String image = fake.onlyCall("ecs:RegisterTaskDefinition").json().at("/containerDefinitions/0/image")
                .asString();
        assertThat(image).isEqualTo(registry.host() + "/mcp-env1@" + manifest.digest());
        assertThat(resources.image().digest()).isEqualTo(manifest.digest());
        assertThat(resources.image().version()).isEqualTo(images().carriedVersion().orElseThrow());
        assertThat(fake.calls("ecr:GetAuthorizationToken")).hasSize(1);
        assertThat(fake.onlyCall("ecr:CreateRepository").json().path("imageTagMutability").asString())
                .isEqualTo("IMMUTABLE");
    }

    @Test
    void aProvisionRunAgainKeepsThePublishedImageAndRegistersNothingNew() {
        fake.answerEcrLogin(TOKEN);
        CloudResources first = provisionUpToTheTaskDefinition();
        int registryCalls = registry.requests().size();

        StepOutcome again = step("server-image").run(context(first));

        assertThat(again.resources().image()).isEqualTo(first.image());
        assertThat(again.detail()).startsWith("MCP server " + first.image().version() + " kept: ");
        assertThat(registry.requests()).hasSize(registryCalls);
    }

    @Test
    void aRefusedLoginFailsTheStepWithTheRegistrysAnswerAndARetryAfterTheFixGoesOn() {
        fake.answerEcrLogin("a-token-the-registry-does-not-take");

        assertThatThrownBy(this::provisionUpToTheTaskDefinition).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.kind()).isEqualTo(CloudErrorKind.ACCESS_DENIED);
            assertThat(e.step()).isEqualTo("publish-image");
            assertThat(e.providerMessage()).contains(registry.host() + "/mcp-env1", "authentication required");
        });
        assertThat(fake.calls("ecs:RegisterTaskDefinition")).isEmpty();

        fake.answerEcrLogin(TOKEN);
        CloudResources retried = provisionUpToTheTaskDefinition();

        assertThat(fake.onlyCall("ecs:RegisterTaskDefinition").json().at("/containerDefinitions/0/image").asString())
                .isEqualTo(retried.image().reference()).endsWith(registry.manifest("mcp-env1",
                        retried.image().tag()).digest());
    }

    @Test
    void anEcrLoginThatFailsIsTheStepsFailure() {
        fake.answer(json("ecr", "GetAuthorizationToken"), jsonError(400, "AccessDeniedException", "User: arn:aws:iam::"
                + AwsFake.ACCOUNT + ":user/portal is not authorized to perform: ecr:GetAuthorizationToken on resource:"
                + " * because no identity-based policy allows the ecr:GetAuthorizationToken action"));

        assertThatThrownBy(this::provisionUpToTheTaskDefinition).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.kind()).isEqualTo(CloudErrorKind.ACCESS_DENIED);
            assertThat(e.providerMessage()).contains("ecr:GetAuthorizationToken");
        });
    }

    private CloudResources provisionUpToTheTaskDefinition() {
        CloudResources resources = CloudResources.NONE;
        for (CloudStep step : OperationPlans.steps(OperationKind.PROVISION)) {
            resources = step.run(context(resources)).resources();
            if (step.name().equals("task-definition")) {
                return resources;
            }
        }
        throw new AssertionError("no task-definition step");
    }

    private StepContext context(CloudResources resources) {
        return new StepContext(provider(), EmptyAccount.ENVIRONMENT, SPEC, resources, null, null,
                () -> "xi-published-image-test", images());
    }

    private AwsCloudProvider provider() {
        AwsSettings settings = fake.settings();
        return new AwsCloudProvider(fake.clientFactory(settings), settings, new JibImagePublisher(imageSettings()),
                duration -> { });
    }

    private static ServerImages images() {
        return new ServerImages(imageSettings());
    }

    private static ImageSettings imageSettings() {
        return ecr.imageSettings();
    }

    private static CloudStep step(String name) {
        return OperationPlans.steps(OperationKind.PROVISION).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
