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
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.environment.ImageSource;

/**
 * The server-image step for a team's own image, on the AWS adapter: a tag in the environment's repository is looked
 * up before anything runs it, so a tag that was never pushed fails here, with a message that says what to do,
 * instead of a service that waits 15 minutes for a task that cannot pull.
 */
class ImageStepTests {

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    @Test
    void aTagThatIsThereIsRecordedWithItsDigestAndTheTaskDefinitionNamesIt() {
        CloudResources resources = runUpTo("task-definition", spec(ImageSource.REPOSITORY, "1.4.0", null));

        assertThat(fake.onlyCall("ecr:DescribeImages").json().at("/imageIds/0/imageTag").asString())
                .isEqualTo("1.4.0");
        assertThat(resources.image().digest()).isEqualTo(EmptyAccount.OWN_IMAGE_DIGEST);
        assertThat(resources.image().publishedByPortal()).isFalse();
        assertThat(fake.onlyCall("ecs:RegisterTaskDefinition").json().at("/containerDefinitions/0/image").asString())
                .isEqualTo(resources.repository().uri() + ":1.4.0");
    }

    @Test
    void aTagThatIsNotThereFailsTheStepBeforeAnythingRunsIt() {
        fake.answer(json("ecr", "DescribeImages"), jsonError(400, "ImageNotFoundException",
                "The image with imageId {imageDigest:'null', imageTag:'1.4.0'} does not exist within the repository"
                        + " with name 'mcp-env1' in the registry with id '123456789012'"));

        assertThatThrownBy(() -> runUpTo("task-definition", spec(ImageSource.REPOSITORY, "1.4.0", null)))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.step()).isEqualTo("find-image");
                    assertThat(e.kind()).isEqualTo(CloudErrorKind.INVALID_REQUEST);
                    assertThat(e.retryable()).as("no automatic retries: the tag will not appear by itself").isFalse();
                    assertThat(e.providerMessage()).isEqualTo("The repository " + AwsFake.ACCOUNT + ".dkr.ecr."
                            + AwsFake.REGION + ".amazonaws.com/mcp-env1 has no image tagged '1.4.0', so the service"
                            + " could not start. Push it (deploy/README.md, \"Your own image\"), or choose the MCP"
                            + " server published by the portal; then Retry.");
                });
        assertThat(fake.calls("ecr:DescribeImages")).hasSize(1);
        assertThat(fake.calls("ecs:RegisterTaskDefinition")).isEmpty();
    }

    @Test
    void anyOtherUriIsRecordedAsGivenAndNotLookedUp() {
        CloudResources resources = runUpTo("task-definition", spec(ImageSource.URI, null,
                "public.ecr.aws/acme/mcp-server:1.4.0"));

        assertThat(resources.image().reference()).isEqualTo("public.ecr.aws/acme/mcp-server:1.4.0");
        assertThat(resources.image().digest()).isNull();
        assertThat(fake.calls("ecr:DescribeImages")).isEmpty();
        assertThat(fake.onlyCall("ecs:RegisterTaskDefinition").json().at("/containerDefinitions/0/image").asString())
                .isEqualTo("public.ecr.aws/acme/mcp-server:1.4.0");
    }

    @Test
    void anUpdateToADeployedDigestInTheEnvironmentsRepositoryLooksItUpAndKeepsWhatRanBefore() {
        CloudResources provisioned = runUpTo("task-definition", spec(ImageSource.REPOSITORY, "1.4.0", null));
        String deployed = provisioned.repository().uri() + "@" + EmptyAccount.OWN_IMAGE_DIGEST;
        fake.forgetCalls();

        StepOutcome update = ImageStep.update(context(spec(ImageSource.URI, null, deployed), provisioned));

        assertThat(fake.onlyCall("ecr:DescribeImages").json().at("/imageIds/0/imageDigest").asString())
                .isEqualTo(EmptyAccount.OWN_IMAGE_DIGEST);
        assertThat(update.resources().image().reference()).isEqualTo(deployed);
        assertThat(update.resources().previous().image()).isEqualTo(provisioned.image());
        assertThat(update.resources().previous().taskDefinition()).isEqualTo(provisioned.taskDefinition());
        assertThat(update.detail()).contains("your image " + deployed + " is there", "replaces "
                + provisioned.image().reference());
    }

    @Test
    void anUpdateToADigestElsewhereIsRecordedByItsDigestWithoutAsking() {
        CloudResources provisioned = runUpTo("task-definition", spec(ImageSource.REPOSITORY, "1.4.0", null));
        String elsewhere = "ghcr.io/acme/mcp-server@sha256:" + "e1".repeat(32);
        fake.forgetCalls();

        StepOutcome update = ImageStep.update(context(spec(ImageSource.URI, null, elsewhere), provisioned));

        assertThat(fake.calls("ecr:DescribeImages")).isEmpty();
        assertThat(update.resources().image().reference()).isEqualTo(elsewhere);
        assertThat(update.resources().image().digest()).isEqualTo("sha256:" + "e1".repeat(32));
    }

    @Test
    void anUpdateToTheImageThatRunsChangesNothingAndKeepsTheEarlierRelease() {
        CloudResources provisioned = runUpTo("task-definition", spec(ImageSource.REPOSITORY, "1.4.0", null));

        StepOutcome update = ImageStep.update(context(spec(ImageSource.REPOSITORY, "1.4.0", null), provisioned));

        assertThat(update.resources()).isEqualTo(provisioned);
        assertThat(update.detail()).endsWith("it already runs, nothing to update");
    }

    private StepContext context(EnvironmentSpec spec, CloudResources resources) {
        return new StepContext(fake.provider(), EmptyAccount.ENVIRONMENT, spec, resources, null, null,
                () -> "xi-image-step-key", null);
    }

    private CloudResources runUpTo(String last, EnvironmentSpec spec) {
        CloudResources resources = CloudResources.NONE;
        for (CloudStep step : OperationPlans.steps(OperationKind.PROVISION)) {
            resources = step.run(new StepContext(fake.provider(), EmptyAccount.ENVIRONMENT, spec, resources, null,
                    null, () -> "xi-image-step-key", null)).resources();
            if (step.name().equals(last)) {
                return resources;
            }
        }
        throw new AssertionError("no step " + last);
    }

    private static EnvironmentSpec spec(ImageSource source, String tag, String uri) {
        return new EnvironmentSpec(AwsFake.REGION, FargateSize.DEFAULT, Architecture.ARM64, source, tag, uri,
                NatSpec.defaults(), false, 7, List.of());
    }
}
