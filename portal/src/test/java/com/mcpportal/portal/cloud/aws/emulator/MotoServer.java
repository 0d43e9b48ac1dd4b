package com.mcpportal.portal.cloud.aws.emulator;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.aws.AwsClientFactory;
import com.mcpportal.portal.cloud.aws.AwsClients;
import com.mcpportal.portal.cloud.aws.AwsCloudProvider;
import com.mcpportal.portal.cloud.aws.AwsSettings;
import com.mcpportal.portal.cloud.image.ImageSettings;
import com.mcpportal.portal.cloud.image.JibImagePublisher;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * moto's server ({@code python3 -m moto.server}, moto 5.2.x), an AWS emulator nobody here wrote, on a free loopback
 * port: one per test JVM, started by the first test class that needs it and stopped when the JVM ends. Use it as
 * {@code @RegisterExtension static final MotoServer moto = MotoServer.shared();}: on a machine without moto the
 * class's tests are reported skipped, with one line saying where moto was looked for.
 *
 * <p>The interpreter is found the way a fresh machine of this kind has it: the {@code moto.python} system property
 * or {@code MOTO_PYTHON} (an explicit choice that cannot import moto fails the tests), then {@code python3} on the
 * {@code PATH} if it can {@code import moto}, then {@code $PYENV_ROOT} or {@code ~/.pyenv}'s
 * {@code versions/<newest first>/bin/python3}: CI runs {@code .ci/run} as root with a plain {@code PATH} and no
 * pyenv shims, so the last is how it finds the machine image's moto.
 *
 * <p>moto runs with its defaults, as a user would start it (no AWS managed IAM policies, no containers, the account
 * {@code 123456789012}) but one documented test hook: {@code MOTO_ECS_SERVICE_RUNNING=1}, with which a new ECS
 * service reports its one task running and its deployment completed, as ECS does once the task started. moto runs
 * no task, so none ever reports a health status: waits for healthy tasks time out, and the tests say so. Test
 * classes share its state, so each uses a region of its own, and one environment at a time there: moto ignores
 * Cloud Map's list filters ({@code ListServices} by namespace answers every service of the region).
 */
public final class MotoServer implements ExecutionCondition, BeforeAllCallback {

    /** The account moto answers as, in every region. */
    public static final String ACCOUNT = "123456789012";
    /**
     * The password of the registry login moto's ECR {@code GetAuthorizationToken} hands out ({@code AWS} and this,
     * base64-encoded as ECR encodes its token): a registry playing moto's ECR registry takes exactly this login.
     */
    public static final String ECR_PASSWORD = ACCOUNT + "-auth-token";

    private static final MotoServer SHARED = new MotoServer();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private static volatile Optional<Interpreter> interpreter;
    private volatile Process process;
    private volatile URI endpoint;
    private final List<AwsClientFactory> factories = new java.util.concurrent.CopyOnWriteArrayList<>();

    private MotoServer() {
    }

    /** The JVM's one moto server (started on first use). */
    public static MotoServer shared() {
        return SHARED;
    }

    /** An interpreter that can import moto, and moto's version. */
    public record Interpreter(Path python, String motoVersion) {
    }

    /** A test class on a machine without moto is skipped (reported as such) with one line saying where it looked. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return interpreter().isPresent() ? ConditionEvaluationResult.enabled("moto found")
                : ConditionEvaluationResult.disabled("moto not found (MOTO_PYTHON, python3 on PATH, "
                        + pyenvRoot().resolve("versions") + "/*/bin/python3): AWS emulator tests skipped");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(interpreter().orElseThrow());
    }

    /** Starts moto outside JUnit (a benchmark's {@code main}); false when no interpreter can import it. */
    public boolean startIfFound() {
        Optional<Interpreter> found = interpreter();
        found.ifPresent(this::start);
        return found.isPresent();
    }

    /** Where moto answers, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("moto is not running; register MotoServer.shared() as an extension");
        }
        return endpoint;
    }

    /**
     * {@code portal.aws.*} as the portal reads them with {@code PORTAL_AWS_ENDPOINT_OVERRIDE} pointing at moto, with
     * quick polls and the given wait timeout (moto's resources are ready at once; only waits it cannot satisfy
     * last that long), and one step attempt (moto's answers do not change on a retry).
     */
    public AwsSettings settings(Duration waitTimeout) {
        return new AwsSettings(endpoint(), null, AwsSettings.RetryMode.STANDARD, 3, Duration.ofMillis(20), 1,
                Duration.ofMillis(20), Duration.ofMillis(50), waitTimeout);
    }

    /**
     * The portal's AWS adapter on moto, built as {@code AwsCloudConfiguration} builds it; static test credentials.
     * It publishes images as {@code images} says: moto has ECR's API but no registry to push to, so give a registry
     * override ({@link MotoEcrRegistry#imageSettings()}).
     */
    public AwsCloudProvider provider(AwsSettings settings, ImageSettings images) {
        return new AwsCloudProvider(factory(settings), settings, new JibImagePublisher(images));
    }

    /** SDK clients on moto for a test to read back what exists. */
    public AwsClients clients(String region) {
        return factory(settings(Duration.ofSeconds(1))).clientsFor(CloudTarget.defaultCredentials("inspect", region));
    }

    private AwsClientFactory factory(AwsSettings settings) {
        AwsClientFactory factory = new AwsClientFactory(settings,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        factories.add(factory);
        return factory;
    }

    /** The interpreter found, if any (looked up once per JVM). */
    public static synchronized Optional<Interpreter> interpreter() {
        if (interpreter == null) {
            interpreter = lookUp();
        }
        return interpreter;
    }

    private synchronized void start(Interpreter python) {
        if (process != null && process.isAlive()) {
            return;
        }
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = freePort();
            try {
                process = launch(python, port);
                endpoint = URI.create("http://127.0.0.1:" + port);
                Process started = process;
                await("moto on port " + port).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50))
                        .until(() -> {
                            if (!started.isAlive()) {
                                throw new IllegalStateException("moto exited with " + started.exitValue());
                            }
                            return answers(port);
                        });
                Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "moto-server-stop"));
                return;
            } catch (RuntimeException e) {
                // Another process may have taken the port between the probe and moto binding it.
                stop();
                failure = new IllegalStateException("moto did not start (" + python.python() + ", see "
                        + logFile() + "): " + e.getMessage(), e);
            }
        }
        throw failure;
    }

    private static Process launch(Interpreter python, int port) {
        try {
            Files.createDirectories(logFile().getParent());
            ProcessBuilder builder = new ProcessBuilder(python.python().toString(), "-m", "moto.server", "-H",
                    "127.0.0.1", "-p", String.valueOf(port));
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            // moto's defaults, as a user starting it gets them (no managed IAM policies loaded) ...
            builder.environment().remove("MOTO_IAM_LOAD_MANAGED_POLICIES");
            // ... and a new service's one task counted as running (moto launches none).
            builder.environment().put("MOTO_ECS_SERVICE_RUNNING", "1");
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + python.python(), e);
        }
    }

    private void stop() {
        factories.forEach(AwsClientFactory::close);
        factories.clear();
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(5, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port", e);
        }
    }

    private static Path logFile() {
        return Path.of("target", "moto-server.log").toAbsolutePath();
    }

    // --- finding moto ---------------------------------------------------------------------------------------------

    private static Optional<Interpreter> lookUp() {
        String explicit = Optional.ofNullable(System.getProperty("moto.python")).orElse(System.getenv("MOTO_PYTHON"));
        if (explicit != null && !explicit.isBlank()) {
            Path python = Path.of(explicit.trim());
            return Optional.of(withMoto(python).orElseThrow(() -> new IllegalStateException(
                    "MOTO_PYTHON / -Dmoto.python is " + python + ", which cannot import moto")));
        }
        Optional<Interpreter> onPath = onPath("python3").flatMap(MotoServer::withMoto);
        if (onPath.isPresent()) {
            return onPath;
        }
        return pyenvInterpreters().stream().map(MotoServer::withMoto).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Path> onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
    }

    private static Path pyenvRoot() {
        String root = System.getenv("PYENV_ROOT");
        return root != null && !root.isBlank() ? Path.of(root) : Path.of(System.getProperty("user.home"), ".pyenv");
    }

    /** {@code versions/<v>/bin/python3}, newest version first. */
    private static List<Path> pyenvInterpreters() {
        Path versions = pyenvRoot().resolve("versions");
        if (!Files.isDirectory(versions)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.map(dir -> dir.resolve("bin").resolve("python3")).filter(Files::isExecutable)
                    .sorted(Comparator.comparing((Path p) -> versionKey(p.getParent().getParent().getFileName()
                            .toString())).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String versionKey(String version) {
        // 3.9.18 < 3.11.7: compare zero-padded numeric parts.
        List<String> parts = new ArrayList<>();
        for (String part : version.split("[.-]")) {
            parts.add(part.matches("\\d+") ? String.format("%06d", Integer.parseInt(part)) : part);
        }
        return String.join(".", parts);
    }

    private static Optional<Interpreter> withMoto(Path python) {
        try {
            Process check = new ProcessBuilder(python.toString(), "-c", "import moto; print(moto.__version__)")
                    .redirectErrorStream(true).start();
            if (!check.waitFor(30, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return Optional.empty();
            }
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return check.exitValue() == 0 ? Optional.of(new Interpreter(python, output)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
