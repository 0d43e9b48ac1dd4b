package com.mcpportal.portal.environment.update;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.PinnedImage;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationKind;
import com.mcpportal.portal.environment.operation.OperationRequest;
import com.mcpportal.portal.web.InvalidInputException;

/**
 * The deploy endpoint's check of a digest in the environment's registry, on the AWS adapter: the portal's IAM policy
 * reads only the {@code mcp-*} repositories, so ECR refuses it a look into a team's other repository in the same
 * account (which the task's execution role may still pull from). That build is queued unverified; the environment's
 * own repository refusing the look is refused, as is a digest ECR says is not there.
 */
class ImageDeploysTests {

    private static final String DIGEST = "sha256:" + "c1".repeat(32);
    private static final String REGISTRY = AwsFake.ACCOUNT + ".dkr.ecr." + AwsFake.REGION + ".amazonaws.com";
    private static final String OWN = REGISTRY + "/mcp-env1";

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentService environments = mock(EnvironmentService.class);
    private final EnvironmentOperations operations = mock(EnvironmentOperations.class);
    private final UpdatePolicies policies = mock(UpdatePolicies.class);
    private final AuditLog auditLog = mock(AuditLog.class);
    private final Environment environment = mock(Environment.class);
    private ImageDeploys deploys;

    @BeforeEach
    void setUp() {
        when(environment.getId()).thenReturn(5L);
        when(environment.getTeamId()).thenReturn(3L);
        when(environment.getName()).thenReturn("prod");
        when(environment.getArchitecture()).thenReturn(Architecture.ARM64);
        when(environment.resources()).thenReturn(CloudResources.NONE.withRepository(new ImageRepository("mcp-env1",
                OWN, "arn:aws:ecr:" + AwsFake.REGION + ":" + AwsFake.ACCOUNT + ":repository/mcp-env1")));
        when(environments.get(3L, 5L)).thenReturn(environment);
        when(environments.cloudOf(5L)).thenReturn(new EnvironmentCloud(fake.provider(), EmptyAccount.ENVIRONMENT,
                null));
        when(policies.of(3L)).thenReturn(new UpdatePolicy(3L, false, true, null, null));
        when(operations.requestDeploy(anyLong(), any(), anyBoolean(), any()))
                .thenReturn(new OperationRequest.Enqueued(9L, OperationKind.UPDATE_SERVER));
        deploys = new ImageDeploys(environments, operations, policies, auditLog);
    }

    @Test
    void aBuildInAnotherRepositoryOfTheRegistryThePortalMayNotReadIsQueuedUnverified() {
        denyDescribeImages("team-builds");
        String image = REGISTRY + "/team-builds@" + DIGEST;

        OperationRequest request = deploys.deploy(3L, 5L, image, Actor.user("ci"));

        assertThat(request).isEqualTo(new OperationRequest.Enqueued(9L, OperationKind.UPDATE_SERVER));
        assertThat(fake.onlyCall("ecr:DescribeImages").json().at("/repositoryName").asString())
                .isEqualTo("team-builds");
        verify(operations).requestDeploy(5L, PinnedImage.parse(image).orElseThrow(), false, Actor.user("ci"));
    }

    @Test
    void theEnvironmentsOwnRepositoryRefusingALookIsRefusedWithECRsWords() {
        denyDescribeImages("mcp-env1");

        assertThatThrownBy(() -> deploys.deploy(3L, 5L, OWN + "@" + DIGEST, Actor.user("ci")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("AccessDeniedException", "not authorized to perform: ecr:DescribeImages"));
        verify(operations, never()).requestDeploy(anyLong(), any(), anyBoolean(), any());
    }

    @Test
    void aDigestAnotherRepositorySaysIsNotThereIsRefused() {
        fake.answer(json("ecr", "DescribeImages"), jsonError(400, "ImageNotFoundException", "The image with imageId"
                + " {imageDigest:'" + DIGEST + "', imageTag:'null'} does not exist within the repository with name"
                + " 'team-builds' in the registry with id '" + AwsFake.ACCOUNT + "'"));

        assertThatThrownBy(() -> deploys.deploy(3L, 5L, REGISTRY + "/team-builds@" + DIGEST, Actor.user("ci")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains(REGISTRY + "/team-builds has no image " + DIGEST));
        verify(operations, never()).requestDeploy(anyLong(), any(), anyBoolean(), any());
    }

    private void denyDescribeImages(String repository) {
        fake.answer(json("ecr", "DescribeImages"), jsonError(400, "AccessDeniedException", "User:"
                + " arn:aws:sts::" + AwsFake.ACCOUNT + ":assumed-role/mcp-portal/portal is not authorized to perform:"
                + " ecr:DescribeImages on resource: arn:aws:ecr:" + AwsFake.REGION + ":" + AwsFake.ACCOUNT
                + ":repository/" + repository + " because no identity-based policy allows the ecr:DescribeImages"
                + " action"));
    }
}
