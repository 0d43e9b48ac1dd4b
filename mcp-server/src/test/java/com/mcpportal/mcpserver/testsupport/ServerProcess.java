package com.mcpportal.mcpserver.testsupport;

import com.mcpportal.mcpserver.McpServerMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server's main class in a child JVM with exactly the environment a test gives it: for exit
 * codes, signals, stdio and configuration read from real environment variables.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern STARTED_PORT = Pattern.compile("\"event\":\"started\",\"port\":(\\d+)");

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final List<Thread> drains = new ArrayList<>();

    private ServerProcess(Process process, boolean captureStdout) {
        this.process = process;
        if (captureStdout) {
            drains.add(drain(process.getInputStream(), stdout));
        }
        drains.add(drain(process.getErrorStream(), stderr));
    }

    /** Starts the main class with only {@code env} (plus nothing inherited) and {@code args}. */
    public static ServerProcess start(Map<String, String> env, String... args) {
        return launch(env, true, args);
    }

    /** Like {@link #start}, but leaves stdout to the caller (stdio mode). */
    public static ServerProcess startRaw(Map<String, String> env, String... args) {
        return launch(env, false, args);
    }

    private static ServerProcess launch(Map<String, String> env, boolean captureStdout, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), McpServerMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            return new ServerProcess(builder.start(), captureStdout);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the server process", e);
        }
    }

    private static Thread drain(InputStream stream, List<String> into) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    into.add(line);
                }
            } catch (IOException e) {
                // Process gone.
            }
        }, "server-process-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits for the {@code started} log line and returns the port it names. */
    public int awaitPort(Duration timeout) {
        // Stops waiting as soon as the process has died: its output then says why.
        await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> startedPort().isPresent() || !process.isAlive());
        return startedPort().orElseThrow(() -> new AssertionError("server did not start; stdout=" + stdout
                + " stderr=" + stderr));
    }

    private Optional<Integer> startedPort() {
        return stdout.stream().map(STARTED_PORT::matcher).filter(Matcher::find)
                .map(matcher -> Integer.parseInt(matcher.group(1))).findFirst();
    }

    /** Waits for a stdout line (request lines are written just after the response goes out). */
    public String awaitStdout(Predicate<String> matching) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(stdout).as("stdout").anyMatch(matching));
        return stdout.stream().filter(matching).findFirst().orElseThrow();
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("server still running after " + timeout + "; stdout=" + stdout);
            }
            for (Thread drain : drains) {
                drain.join(5_000); // every line the process wrote, up to end of stream
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as ECS sends on scale-in or deploy. */
    public void terminate() {
        // Process.destroy() would also close our ends of its pipes and lose the last log lines.
        process.toHandle().destroy();
    }

    public List<String> stdout() {
        return stdout;
    }

    public List<String> stderr() {
        return stderr;
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public InputStream rawStdout() {
        return process.getInputStream();
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
