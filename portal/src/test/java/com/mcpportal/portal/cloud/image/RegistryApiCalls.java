package com.mcpportal.portal.cloud.image;

import java.util.Set;

/**
 * The Registry HTTP API calls a publish makes, and the IAM action ECR checks for each (ECR's "IAM permissions for
 * pushing an image": BatchCheckLayerAvailability, InitiateLayerUpload, UploadLayerPart, CompleteLayerUpload, PutImage
 * and BatchGetImage on the repository, with GetAuthorizationToken for the login). {@code RegistryPublishingIntegrationTests}
 * reads the calls Jib really made from a real registry's log and maps each with {@link #ecrAction}, so this list
 * cannot fall behind Jib; {@code PortalIamPolicyTests} checks the portal's policy allows all of them.
 */
public final class RegistryApiCalls {

    /** Every action a publish needs on the target repository, once ECR's login has been had. */
    public static final Set<String> PUBLISH = Set.of("ecr:BatchGetImage", "ecr:BatchCheckLayerAvailability",
            "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage");

    private RegistryApiCalls() {
    }

    /**
     * The ECR action for one Registry API call on a repository, e.g. {@code PATCH /v2/mcp-1/blobs/uploads/<id>} is
     * {@code ecr:UploadLayerPart}; {@code GET /v2/} (the version check every client starts with) needs only the login.
     */
    public static String ecrAction(String method, String path) {
        if (path.matches("/v2/?")) {
            return "ecr:GetAuthorizationToken";
        }
        if (path.matches("/v2/.+/manifests/[^/]+")) {
            return switch (method) {
                case "GET", "HEAD" -> "ecr:BatchGetImage";
                case "PUT" -> "ecr:PutImage";
                default -> throw new IllegalArgumentException("no ECR action for " + method + " " + path);
            };
        }
        if (path.matches("/v2/.+/blobs/uploads/?")) {
            return "ecr:InitiateLayerUpload";
        }
        if (path.matches("/v2/.+/blobs/uploads/[^/]+")) {
            return switch (method) {
                case "PATCH" -> "ecr:UploadLayerPart";
                case "PUT" -> "ecr:CompleteLayerUpload";
                default -> throw new IllegalArgumentException("no ECR action for " + method + " " + path);
            };
        }
        if (path.matches("/v2/.+/blobs/sha256:[0-9a-f]{64}")) {
            return switch (method) {
                case "HEAD" -> "ecr:BatchCheckLayerAvailability";
                case "GET" -> "ecr:GetDownloadUrlForLayer";
                default -> throw new IllegalArgumentException("no ECR action for " + method + " " + path);
            };
        }
        throw new IllegalArgumentException("no ECR action for " + method + " " + path);
    }
}
