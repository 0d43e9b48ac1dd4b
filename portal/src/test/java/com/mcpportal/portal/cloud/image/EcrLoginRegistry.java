package com.mcpportal.portal.cloud.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.util.FileSystemUtils;

import com.google.cloud.tools.jib.global.JibSystemProperties;

/**
 * A real registry that takes only ECR's login (user {@code AWS}, the token as password, basic authentication as
 * ECR's registry takes it) with a small two-architecture base image pushed ({@link TestImages#pushBase}), for the
 * portal's image publishing through {@code portal.images.registry-override}: a publish that did not log in with
 * what ECR's {@code GetAuthorizationToken} handed out is refused. The registry speaks plain HTTP, over which Jib
 * sends a login only with its {@code sendCredentialsOverHttp} property, set while it runs.
 *
 * <p>Use it as {@code @RegisterExtension static final EcrLoginRegistry ecr = new EcrLoginRegistry(TOKEN, "25-test");}
 * (with the AWS fake, {@code fake.answerEcrLogin(TOKEN)}); without Debian's {@code docker-registry} the class is
 * reported skipped, with one line. Outside JUnit: {@link #start()}, {@link #stop()}.
 */
public final class EcrLoginRegistry implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    private final String password;
    private final String baseTag;
    private final DockerRegistry registry;
    private Path work;
    private String base;

    public EcrLoginRegistry(String password, String baseTag) {
        this.password = password;
        this.baseTag = baseTag;
        this.registry = DockerRegistry.withLogin("AWS", password);
    }

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
        work = Files.createTempDirectory("ecr-login-registry");
        System.setProperty(JibSystemProperties.SEND_CREDENTIALS_OVER_HTTP, "true");
        base = TestImages.pushBase(registry, "base/jre", baseTag, work, "AWS", password);
    }

    public void stop() throws IOException, InterruptedException {
        System.clearProperty(JibSystemProperties.SEND_CREDENTIALS_OVER_HTTP);
        registry.stop();
        if (work != null) {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /** {@code portal.images.*}: the base pushed here, pinned by digest, and this registry as the override. */
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
