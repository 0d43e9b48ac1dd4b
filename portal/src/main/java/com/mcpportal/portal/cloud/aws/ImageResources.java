package com.mcpportal.portal.cloud.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.ImagePublication;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.ServerImage;
import com.mcpportal.portal.cloud.image.JibImagePublisher;
import com.mcpportal.portal.cloud.image.RegistryLogin;

import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;

/**
 * The images in an environment's ECR repository. Publishing is Jib's ({@link JibImagePublisher}); what only AWS can
 * give is the registry login: {@code GetAuthorizationToken} answers {@code base64("AWS:<token>")}, valid 12 hours,
 * for the caller's whole registry, and the registry then checks each call against the caller's IAM permissions
 * (push and pull actions on the repository, see deploy/iam/portal-policy-service.json). A team's own tag is looked
 * up with {@code DescribeImages} before anything tries to run it.
 */
final class ImageResources {

    private final JibImagePublisher publisher;

    ImageResources(JibImagePublisher publisher) {
        this.publisher = publisher;
    }

    ImagePublication publish(EcrClient ecr, ImageRepository repository, ServerImage image) {
        return publisher.publish(image, repository, login(ecr));
    }

    ImageRef find(EcrClient ecr, ImageRepository repository, String tag, Architecture architecture) {
        try {
            ImageDetail image = AwsAnswers.required(ecr.describeImages(r -> r.repositoryName(repository.name())
                    .imageIds(id -> id.imageTag(tag))).imageDetails().stream().findFirst().orElse(null), "ecr",
                    "the details of image '" + tag + "' (DescribeImages)");
            return ImageRef.ownTag(repository.uri(), tag, image.imageDigest(), architecture);
        } catch (ImageNotFoundException missing) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ecr", "ImageNotFoundException",
                    "The repository " + repository.uri() + " has no image tagged '" + tag + "', so the service could"
                            + " not start. Push it (deploy/README.md, \"Your own image\"), or choose the MCP server"
                            + " published by the portal; then Retry.", missing);
        }
    }

    /** ECR's registry login; the token is never logged. */
    static RegistryLogin login(EcrClient ecr) {
        AuthorizationData data = AwsAnswers.required(ecr.getAuthorizationToken().authorizationData().stream()
                .findFirst().orElse(null), "ecr", "the registry login (GetAuthorizationToken's authorizationData)");
        String token = AwsAnswers.required(data.authorizationToken(), "ecr",
                "the registry login's token (GetAuthorizationToken)");
        String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw new CloudException(CloudErrorKind.FAILED, null, "ecr", "UnexpectedToken",
                    "ECR's authorization token is not user:password", null);
        }
        return new RegistryLogin(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
