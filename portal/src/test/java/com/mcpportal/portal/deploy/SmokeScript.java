package com.mcpportal.portal.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code deploy/smoke-test.sh} run as a user runs it: {@code bash deploy/smoke-test.sh [options] URL} from the
 * repository root, the token in {@code MCP_PORTAL_TOKEN}, its output kept in files until it ends.
 */
final class SmokeScript implements AutoCloseable {

    static final Path SCRIPT = Path.of("..", "deploy", "smoke-test.sh");
    static final List<String> TOOLS = List.of("bash", "curl", "jq");

    /** What a finished run printed and how it ended. */
    record Run(int exitCode, List<String> stdout, String stderr) {

        String all() {
            return String.join("\n", stdout) + "\n" + stderr;
        }
    }

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private SmokeScript(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The tools the script needs that are not on the PATH. */
    static List<String> missingTools() {
        List<Path> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty()).map(Path::of).toList();
        return TOOLS.stream().filter(tool -> path.stream().noneMatch(dir -> Files.isExecutable(dir.resolve(tool))))
                .toList();
    }

    /**
     * Starts the script.
     *
     * @param bashOptions options for bash itself (e.g. {@code -x}), before the script's path
     */
    static SmokeScript start(Path work, Map<String, String> environment, List<String> bashOptions,
            List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(bashOptions);
        command.add(SCRIPT.toAbsolutePath().normalize().toString());
        command.addAll(arguments);
        Path out = Files.createTempFile(work, "smoke", ".out");
        Path err = Files.createTempFile(work, "smoke", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("..").toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().remove("MCP_PORTAL_TOKEN");
        builder.environment().remove("ELEVENLABS_API_KEY");
        builder.environment().putAll(environment);
        return new SmokeScript(builder.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    /** Whether the script's process ignores SIGINT, as a process started in the background of a shell does. */
    boolean ignoresSigint() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0; // SIGINT is 2
            }
        }
        return false;
    }

    /** Sends a signal by name (INT, TERM) to the script's process. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -s " + name + " failed");
        }
    }

    /** Waits for the end of the run (killing it after the timeout) and reads what it printed. */
    Run await(long timeoutSeconds) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("smoke-test.sh did not end within " + timeoutSeconds + " s; it printed:\n"
                    + Files.readString(stdout) + "\n" + Files.readString(stderr));
        }
        return new Run(process.exitValue(), Files.readAllLines(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
