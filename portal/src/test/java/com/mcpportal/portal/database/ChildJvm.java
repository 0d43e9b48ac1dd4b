package com.mcpportal.portal.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A JVM started by a test from the test JVM's own classpath, in a working directory of the test's choosing, with a
 * clean environment (only PATH, HOME and what the test gives) and its output kept. {@link #close()} ends it and
 * everything it started, also when a test fails half way.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread drain = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                reader.lines().forEach(output::add);
            }
            catch (IOException | UncheckedIOException ended) {
                // the process is gone
            }
        }, "child-jvm-output-" + process.pid());
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Starts {@code mainClass}. Without test classes the child sees only what the application ships: the test
     * resources' {@code config/application.properties} would otherwise turn it into a test context.
     */
    static ChildJvm start(String mainClass, List<String> arguments, Map<String, String> environment,
            Path workingDirectory, boolean withTestClasses) {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> withTestClasses || !Path.of(entry).endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath, mainClass));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().retainAll(List.of("PATH", "HOME", "TMPDIR"));
        env.putAll(environment);
        try {
            return new ChildJvm(builder.start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + mainClass, ex);
        }
    }

    Process process() {
        return process;
    }

    List<String> output() {
        return output;
    }

    /** Whether a line of output contains the text. */
    boolean printed(String text) {
        return output.stream().anyMatch(line -> line.contains(text));
    }

    /** The last lines of output, for assertion messages. */
    String tail() {
        return output.subList(Math.max(0, output.size() - 60), output.size()).stream()
                .collect(Collectors.joining("\n", "\n--- child output (last lines) ---\n", "\n---"));
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown hook runs. */
    int killHard() {
        process.destroyForcibly();
        return awaitExit();
    }

    /** SIGKILL to the JVM and, at the same moment, to every process it started, as {@code kill -9 -- -<group>}. */
    int killHardWithDescendants() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        return awaitExit();
    }

    private int awaitExit() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
        return process.exitValue();
    }

    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
