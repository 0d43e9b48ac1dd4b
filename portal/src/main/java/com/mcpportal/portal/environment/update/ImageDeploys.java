package com.mcpportal.portal.environment.update;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.PinnedImage;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationRequest;
import com.mcpportal.portal.web.ConflictException;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Service;

/**
 * A team's CI rolls its own build out ({@code POST …/environments/{id}/deploy}): the image must be pinned by digest;
 * it must live in the environment's own ECR repository unless a team owner allows any source; a digest in the
 * environment's registry (its account and region) is confirmed with ECR before anything changes, so a wrong digest
 * is a 422 and never a failed environment (another repository there that the portal's IAM policy may not read is
 * left to the task's pull: its execution role may pull from any). Then the same "Update server" operation runs with
 * that image. Refusals are audited ({@code environment.update-server.refused}). Called outside a transaction: the
 * registry is asked first.
 */
@Service
public class ImageDeploys {

    private final EnvironmentService environments;
    private final EnvironmentOperations operations;
    private final UpdatePolicies policies;
    private final AuditLog auditLog;

    ImageDeploys(EnvironmentService environments, EnvironmentOperations operations, UpdatePolicies policies,
            AuditLog auditLog) {
        this.environments = environments;
        this.operations = operations;
        this.policies = policies;
        this.auditLog = auditLog;
    }

    /** Checks the image and queues the update; {@link InvalidInputException} (field {@code image}) when refused. */
    public OperationRequest deploy(long teamId, long environmentId, String image, Actor actor) {
        Environment environment = environments.get(teamId, environmentId);
        PinnedImage pinned = PinnedImage.parse(image).orElseThrow(() -> refuse(environment, actor, image,
                "Name the image by its digest: registry/repository@sha256:<64 hex digits> (a tag can move to another"
                        + " image; a digest cannot)."));
        ImageRepository own = environment.resources().repository();
        if (own == null) {
            throw new ConflictException("This environment has no ECR repository yet: provision it first.");
        }
        if (!pinned.repository().equals(own.uri()) && !policies.of(teamId).allowAnyImageSource()) {
            throw refuse(environment, actor, pinned.reference(), pinned.repository() + " is not this environment's"
                    + " repository (" + own.uri() + "). Push your build there, or ask a team owner to allow images"
                    + " from any source (the team's page, Server updates).");
        }
        boolean verified = false;
        if (pinned.inRegistryOf(own.uri())) {
            EnvironmentCloud cloud = environments.cloudOf(environmentId);
            try {
                cloud.provider().findImageByDigest(cloud.ref(), new ImageRepository(pinned.path(), pinned.repository(),
                        null), pinned.digest(), environment.getArchitecture());
                verified = true;
            } catch (CloudException e) {
                // The portal's IAM policy reads only the mcp-* repositories: another one it may not look into is the
                // task's to pull. Its own repository, and a digest the registry says is not there, are refused.
                if (pinned.repository().equals(own.uri()) || e.kind() != CloudErrorKind.ACCESS_DENIED) {
                    throw refuse(environment, actor, pinned.reference(), (e.errorCode() == null ? ""
                            : e.errorCode() + ": ") + e.providerMessage() + (e.retryable() ? " Try again shortly."
                            : ""));
                }
            }
        }
        return operations.requestDeploy(environmentId, pinned, verified, actor);
    }

    private InvalidInputException refuse(Environment environment, Actor actor, String image, String why) {
        auditLog.record(AuditEntry.failure("environment.update-server.refused").team(environment.getTeamId())
                .target("environment", environment.getId()).actor(actor.name()).detail("name", environment.getName())
                .detail("image", image == null ? "" : image.length() > 300 ? image.substring(0, 300) : image)
                .detail("why", why));
        return new InvalidInputException("image", why);
    }
}
