package com.mcpportal.portal.cloud.aws;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.ImageRepository;

import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * The environment's ECR repository, which keeps only the last five images (storage is billed) and whose tags are
 * immutable: a tag names one image for good, which the server image's tags rely on (an image found under its tag is
 * reused, never replaced) and which makes a team's own tag as exact as a digest.
 */
final class RegistryResources {

    static final String REPOSITORY = "image-repository";

    static final String KEEP_LAST_FIVE = """
            {"rules":[{"rulePriority":1,"description":"Keep only the last 5 images",\
            "selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":5},\
            "action":{"type":"expire"}}]}""";

    ImageRepository ensure(EcrClient ecr, EnvironmentRef env) {
        String name = env.resourceName();
        Repository repository;
        try {
            repository = ecr.describeRepositories(r -> r.repositoryNames(name)).repositories().stream().findFirst()
                    .orElse(null);
        } catch (RepositoryNotFoundException missing) {
            repository = null;
        }
        boolean created = repository == null;
        if (created) {
            repository = AwsAnswers.required(ecr.createRepository(r -> r.repositoryName(name)
                    .imageScanningConfiguration(s -> s.scanOnPush(true))
                    .imageTagMutability(ImageTagMutability.IMMUTABLE)
                    .tags(AwsTags.ecr(env, REPOSITORY))).repository(), "ecr", "the new repository");
        }
        if (repository.imageTagMutability() != ImageTagMutability.IMMUTABLE) {
            // Repositories made before tags were immutable here, or changed by hand.
            ecr.putImageTagMutability(r -> r.repositoryName(name).imageTagMutability(ImageTagMutability.IMMUTABLE));
        }
        // A repository made just now has no policy: no need to ask.
        if (created || !KEEP_LAST_FIVE.equals(currentPolicy(ecr, name))) {
            ecr.putLifecyclePolicy(r -> r.repositoryName(name).lifecyclePolicyText(KEEP_LAST_FIVE));
        }
        return new ImageRepository(name, repository.repositoryUri(), repository.repositoryArn());
    }

    void delete(EcrClient ecr, EnvironmentRef env) {
        // force: the images go with it; the repository belongs to this environment alone.
        AwsErrors.ignoringNotFound(() -> ecr.deleteRepository(r -> r.repositoryName(env.resourceName()).force(true)));
    }

    private static String currentPolicy(EcrClient ecr, String name) {
        try {
            return ecr.getLifecyclePolicy(r -> r.repositoryName(name)).lifecyclePolicyText();
        } catch (LifecyclePolicyNotFoundException none) {
            return null;
        }
    }
}
