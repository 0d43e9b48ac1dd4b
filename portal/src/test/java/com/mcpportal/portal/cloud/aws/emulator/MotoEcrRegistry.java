package com.mcpportal.portal.cloud.aws.emulator;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.mcpportal.portal.cloud.image.DockerRegistry;
import com.mcpportal.portal.cloud.image.EcrLoginRegistry;
import com.mcpportal.portal.cloud.image.ImageSettings;
import com.mcpportal.portal.cloud.image.TestImages;

/**
 * The registry behind moto's ECR. moto answers ECR's API (repositories, {@code GetAuthorizationToken},
 * {@code DescribeImages}, {@code PutImage} …) but serves no registry, so a push has nowhere to go. Debian's
 * docker-registry plays that part here, through {@code portal.images.registry-override}, and takes only the login
 * moto's {@code GetAuthorizationToken} hands out ({@code AWS} and {@link MotoServer#ECR_PASSWORD}, basic
 * authentication as ECR's registry takes its token): a publish that did not log in with ECR's answer is refused.
 * A small two-architecture base image is pushed into it first ({@link TestImages#pushBase}) and named, pinned, as
 * {@code portal.images.base-image}.
 *
 * <p>Use it beside {@link MotoServer}: {@code @RegisterExtension static final MotoEcrRegistry ecr = new
 * MotoEcrRegistry();}. Without the docker-registry package the class is reported skipped, with one line. Over plain
 * HTTP Jib sends a login only with its {@code sendCredentialsOverHttp} property, which is set while it runs. For the
 * whole portal on moto: {@link #portalOn}. The registry itself is an {@link EcrLoginRegistry} with moto's password.
 */
public final class MotoEcrRegistry implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    private final EcrLoginRegistry registry = new EcrLoginRegistry(MotoServer.ECR_PASSWORD, "25-test");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return registry.evaluateExecutionCondition(context);
    }

    /** Starts the registry, and gives the portal's default credentials chain static keys (moto takes any). */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
        System.setProperty("aws.accessKeyId", "moto");
        System.setProperty("aws.secretAccessKey", "moto");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        stop();
    }

    /** Starts the registry and pushes the base image (outside JUnit: check {@link DockerRegistry#installed()}). */
    public void start() throws Exception {
        registry.start();
    }

    public void stop() throws IOException, InterruptedException {
        registry.stop();
    }

    /**
     * The whole portal on moto, for a {@code @DynamicPropertySource}: {@code portal.aws.*} at moto with quick polls,
     * a 2 s wait timeout (moto never reports a healthy task) and one attempt per step, and {@code portal.images.*}
     * at this registry. The portal reaches moto with the default credentials chain, which finds the static keys
     * this extension sets for the class.
     */
    public void portalOn(MotoServer moto, DynamicPropertyRegistry registry) {
        registry.add("portal.aws.endpoint-override", () -> moto.endpoint().toString());
        registry.add("portal.aws.poll-interval", () -> "50ms");
        registry.add("portal.aws.wait-timeout", () -> "2s");
        registry.add("portal.aws.step-attempts", () -> "1");
        registry.add("portal.images.registry-override", () -> imageSettings().registryOverride().toString());
        registry.add("portal.images.base-image", this::baseImage);
        registry.add("portal.images.cache-directory", () -> cacheDirectory().toString());
    }

    /** {@code portal.images.*} for the portal on moto: the base pushed here, this registry as the override. */
    public ImageSettings imageSettings() {
        return registry.imageSettings();
    }

    public String baseImage() {
        return registry.baseImage();
    }

    public Path cacheDirectory() {
        return registry.cacheDirectory();
    }

    /** The registry itself: what was pushed, and which Registry API calls were made. */
    public DockerRegistry registry() {
        return registry.registry();
    }
}
