package com.mcpportal.portal.cloud.aws.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import com.google.cloud.tools.jib.global.JibSystemProperties;
import com.mcpportal.portal.cloud.image.DockerRegistry;
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
 * whole portal on moto: {@link #portalOn}.
 */
public final class MotoEcrRegistry implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    private final DockerRegistry registry = DockerRegistry.withLogin("AWS", MotoServer.ECR_PASSWORD);
    private Path work;
    private String base;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return registry.evaluateExecutionCondition(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** Starts the registry and pushes the base image (outside JUnit: check {@link DockerRegistry#installed()}). */
    public void start() throws Exception {
        registry.start();
        work = Files.createTempDirectory("moto-ecr");
        System.setProperty(JibSystemProperties.SEND_CREDENTIALS_OVER_HTTP, "true");
        base = TestImages.pushBase(registry, "base/jre", "25-test", work, "AWS", MotoServer.ECR_PASSWORD);
    }

    public void stop() throws IOException, InterruptedException {
        System.clearProperty(JibSystemProperties.SEND_CREDENTIALS_OVER_HTTP);
        registry.stop();
        if (work != null) {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /**
     * The whole portal on moto, for a {@code @DynamicPropertySource}: {@code portal.aws.*} at moto with quick polls,
     * a 2 s wait timeout (moto never reports a healthy task) and one attempt per step, and {@code portal.images.*}
     * at this registry. The portal reaches moto with the default credentials chain: see {@link #credentials()}.
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

    /** Static keys for the portal's default credentials chain (moto takes any); {@link #noCredentials()} after. */
    public static void credentials() {
        System.setProperty("aws.accessKeyId", "moto");
        System.setProperty("aws.secretAccessKey", "moto");
    }

    public static void noCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    /** {@code portal.images.*} for the portal on moto: the base pushed here, this registry as the override. */
    public ImageSettings imageSettings() {
        return new ImageSettings(base, null, null, registry.url(), cacheDirectory());
    }

    public String baseImage() {
        return base;
    }

    public Path cacheDirectory() {
        return work.resolve("image-cache");
    }

    /** The registry itself: what was pushed, and which Registry API calls were made. */
    public DockerRegistry registry() {
        return registry;
    }
}
