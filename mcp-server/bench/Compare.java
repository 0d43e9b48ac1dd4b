import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Measures several servers side by side in interleaved runs (bench/run.sh builds them and writes the targets file):
 * each MCP server configuration of ours, the TypeScript SDK peer, and the runtimes' floors. Compiled together with
 * {@link LoadGen}, whose raw-socket clients it uses.
 *
 * <pre>
 *   java -cp target/bench/classes Compare --targets target/bench/targets.txt --fake http://127.0.0.1:PORT
 *        --tools target/bench/tools.json [--runs 7] [--rounds 3] [--seconds 10] [--connections 32]
 *        [--idle 5] [--quota-cgroup /sys/fs/cgroup/cpu/NAME] [--sections coldstart,quota,throughput,tts]
 *        [--tts-runs 1]
 * </pre>
 *
 * A targets line is {@code label kind command...}; kind {@code full} is one of our servers measured in every section
 * (text-to-speech load included), {@code load} one measured for its cold start and {@code tools/list} throughput (the
 * peer has no tools behind its list), {@code start} one measured only for its cold start, {@code health} a floor that
 * answers {@code GET /health} and nothing else. Every server gets the same environment: port, loopback address, one
 * API key, stateful or stateless, warn-level logs, the fake ElevenLabs, and the tool list file.
 */
public final class Compare {

    record Target(String label, String kind, List<String> command) {
        /** Answers MCP (else only {@code GET /health}). */
        boolean mcp() {
            return !kind.equals("health");
        }

        /** Measured under load too (else only its cold start). */
        boolean loaded() {
            return kind.equals("full") || kind.equals("load");
        }
    }

    record Start(long millis, long cpuMillis, long idleRssKb) {
    }

    private final Map<String, String> options;
    private final List<Target> targets;

    private Compare(Map<String, String> options, List<Target> targets) {
        this.options = options;
        this.targets = targets;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<Target> targets = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(options.get("targets")))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(line.trim().split("\\s+"));
            targets.add(new Target(words.get(0), words.get(1), words.subList(2, words.size())));
        }
        Compare compare = new Compare(options, targets);
        if (options.containsKey("export-tools")) {
            compare.exportTools(Path.of(options.get("export-tools")));
        } else {
            compare.run();
        }
    }

    /** Writes the {@code tools/list} result the first {@code mcp} target answers: the peer serves the same list. */
    private void exportTools(Path file) throws Exception {
        Target java = targets.stream().filter(t -> t.kind().equals("full")).findFirst().orElseThrow();
        int port = LoadGen.freePort();
        Process process = launch(java, port, true, null);
        try {
            awaitHealth(process, port);
            try (LoadGen.Mcp client = new LoadGen.Mcp(port, true)) {
                client.initialize();
                String answer = client.call("tools/list", null);
                int result = answer.indexOf("\"result\":");
                if (result < 0 || !answer.endsWith("}")) {
                    throw new IllegalStateException("unexpected tools/list answer: " + answer);
                }
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, answer.substring(result + 9, answer.length() - 1));
            }
        } finally {
            stop(process);
        }
    }

    private void run() throws Exception {
        List<String> sections = List.of(options.getOrDefault("sections", "coldstart,quota,throughput,tts").split(","));
        line("machine: %d cores, load average %s, %s", Runtime.getRuntime().availableProcessors(), load(),
                java.time.ZonedDateTime.now().withNano(0));
        int runs = integer("runs", 7);
        Map<String, List<Start>> free = Map.of();
        Map<String, List<Start>> quota = Map.of();
        if (sections.contains("coldstart")) {
            free = coldStarts("cold start", runs, null, integer("idle", 5));
        }
        if (sections.contains("quota") && options.containsKey("quota-cgroup")) {
            quota = coldStarts("cold start under the CPU quota of " + options.get("quota-cgroup"), runs,
                    options.get("quota-cgroup"), 0);
        }
        Map<String, long[]> throughput = new LinkedHashMap<>();
        if (sections.contains("throughput")) {
            throughput = throughputs(integer("rounds", 3), integer("seconds", 10), integer("connections", 32));
        }
        summary(free, quota, throughput);
        if (sections.contains("tts")) {
            // One at a time (each holds 50 clients), rotating the order each run as the other sections do.
            List<Target> full = targets.stream().filter(t -> t.kind().equals("full")).toList();
            for (int run = 0; run < integer("tts-runs", 1); run++) {
                for (int i = 0; i < full.size(); i++) {
                    tts(full.get((i + run) % full.size()));
                }
            }
        }
    }

    // ---------------------------------------------------------------- cold start

    /** {@code runs} starts of every target, interleaved (each round in another order); idle RSS {@code idle} s later. */
    private Map<String, List<Start>> coldStarts(String title, int runs, String cgroup, int idleSeconds)
            throws Exception {
        line("%n## %s, %d runs each, interleaved (load %s)", title, runs, load());
        Map<String, List<Start>> results = new LinkedHashMap<>();
        targets.forEach(target -> results.put(target.label(), new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < targets.size(); i++) {
                Target target = targets.get((i + run) % targets.size());
                results.get(target.label()).add(coldStart(target, cgroup, idleSeconds));
            }
        }
        for (Target target : targets) {
            List<Start> starts = results.get(target.label());
            line("%-22s start %s ms, CPU %s ms%s", target.label(), stats(starts, Start::millis),
                    stats(starts, Start::cpuMillis),
                    idleSeconds > 0 ? ", idle RSS " + stats(starts, s -> s.idleRssKb() / 1024) + " MB" : "");
        }
        line("(load at the end: %s)", load());
        return results;
    }

    private Start coldStart(Target target, String cgroup, int idleSeconds) throws Exception {
        int port = LoadGen.freePort();
        long start = System.nanoTime();
        Process process = launch(target, port, false, cgroup);
        try {
            while (!answers(target, port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(target.label() + " exited with " + process.exitValue());
                }
                Thread.sleep(2);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long cpu = LoadGen.cpuMillis(process.pid());
            long rss = 0;
            if (idleSeconds > 0) {
                Thread.sleep(idleSeconds * 1000L);
                rss = rssKb(process.pid());
            }
            return new Start(millis, cpu, rss);
        } finally {
            stop(process);
        }
    }

    /** The first answer: {@code initialize} + {@code tools/list} with the tools, or a floor's {@code /health}. */
    private static boolean answers(Target target, int port) {
        try {
            if (!target.mcp()) {
                try (LoadGen.Http http = new LoadGen.Http(port)) {
                    return http.send("GET", "/health", Map.of(), null).status() == 200;
                }
            }
            try (LoadGen.Mcp client = new LoadGen.Mcp(port, true)) {
                client.initialize();
                return client.call("tools/list", null).contains("text_to_speech");
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    // ---------------------------------------------------------------- load

    /** tools/list throughput of every MCP target, stateful and stateless, in interleaved rounds: {calls/s, CPU µs/call, RSS KB}. */
    private Map<String, long[]> throughputs(int rounds, int seconds, int connections) throws Exception {
        line("%n## tools/list throughput, %d connections, %d s after a 3 s warm-up, %d rounds interleaved (load %s)",
                connections, seconds, rounds, load());
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        List<Target> servers = targets.stream().filter(Target::loaded).toList();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < servers.size(); i++) {
                Target target = servers.get((i + round) % servers.size());
                for (boolean stateless : new boolean[] {round % 2 == 1, round % 2 == 0}) {
                    String key = target.label() + (stateless ? " stateless" : " stateful");
                    results.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(throughput(target, stateless, seconds, connections));
                }
            }
        }
        Map<String, long[]> medians = new LinkedHashMap<>();
        for (Target target : servers) {
            for (String mode : List.of(" stateful", " stateless")) {
                List<long[]> runs = results.get(target.label() + mode);
                long[] median = {median(runs, r -> r[0]), median(runs, r -> r[1]), median(runs, r -> r[2])};
                medians.put(target.label() + mode, median);
                line(Locale.ROOT, "%-32s %s calls/s, server CPU %s µs per call, RSS after the run %s MB",
                        target.label() + mode, stats(runs, r -> r[0]), stats(runs, r -> r[1]),
                        stats(runs, r -> r[2] / 1024));
            }
        }
        line("(load at the end: %s)", load());
        return medians;
    }

    private long[] throughput(Target target, boolean stateless, int seconds, int connections) throws Exception {
        int port = LoadGen.freePort();
        Process process = launch(target, port, stateless, null);
        try {
            awaitHealth(process, port);
            LoadGen.timed(port, connections, 3, "tools/list", null);
            long cpuBefore = LoadGen.cpuMillis(process.pid());
            long[] result = LoadGen.timed(port, connections, seconds, "tools/list", null);
            long cpuMicros = (LoadGen.cpuMillis(process.pid()) - cpuBefore) * 1000 / Math.max(1, result[0]);
            if (result[1] > 0) {
                line("  %s: %d errors", target.label(), result[1]);
            }
            return new long[] {result[0] / seconds, cpuMicros, rssKb(process.pid())};
        } finally {
            stop(process);
        }
    }

    private void tts(Target target) throws Exception {
        int port = LoadGen.freePort();
        Process process = launch(target, port, false, null);
        try {
            awaitHealth(process, port);
            long before = rssKb(process.pid());
            int errors = LoadGen.calls(port, 50, 10_000, "text_to_speech", LoadGen.TTS_ARGS);
            line("%n%s: RSS %d MB after start, %d MB after 10,000 text_to_speech calls from 50 concurrent clients"
                    + " (%d errors; load %s)", target.label(), before / 1024, rssKb(process.pid()) / 1024, errors, load());
            if (options.containsKey("fake")) {
                LoadGen.latency(port, options.get("fake"), 3000);
            }
        } finally {
            stop(process);
        }
    }

    // ---------------------------------------------------------------- summary

    private void summary(Map<String, List<Start>> free, Map<String, List<Start>> quota,
            Map<String, long[]> throughput) {
        String peer = options.getOrDefault("peer", "peer");
        line("%n## Summary (medians; ratio = ours / the peer's)%n");
        line("| target | cold start | CPU to first answer | idle RSS | cold start at 25 %% CPU | tools/list/s stateful"
                + " | stateless | CPU/call stateful | stateless | RSS after load |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Target target : targets) {
            String label = target.label();
            StringBuilder row = new StringBuilder("| " + label);
            row.append(cell(free, label, peer, Start::millis, " ms"));
            row.append(cell(free, label, peer, Start::cpuMillis, " ms"));
            row.append(cell(free, label, peer, s -> s.idleRssKb() / 1024, " MB"));
            row.append(cell(quota, label, peer, Start::millis, " ms"));
            long[] stateful = throughput.get(label + " stateful");
            long[] stateless = throughput.get(label + " stateless");
            long[] peerStateful = throughput.get(peer + " stateful");
            long[] peerStateless = throughput.get(peer + " stateless");
            row.append(ratioCell(stateful, peerStateful, 0, "")).append(ratioCell(stateless, peerStateless, 0, ""))
                    .append(ratioCell(stateful, peerStateful, 1, " µs")).append(ratioCell(stateless, peerStateless, 1, " µs"))
                    .append(stateful == null ? " | " : " | " + stateful[2] / 1024 + " / " + stateless[2] / 1024 + " MB");
            line("%s |", row);
        }
        line("(load at the end: %s)", load());
    }

    private static String cell(Map<String, List<Start>> results, String label, String peer, ToLongFunction<Start> value,
            String unit) {
        List<Start> ours = results.get(label);
        if (ours == null || ours.isEmpty() || value.applyAsLong(ours.get(0)) == 0 && unit.equals(" MB")) {
            return " | ";
        }
        long median = median(ours, value);
        List<Start> theirs = results.get(peer);
        if (theirs == null || label.equals(peer)) {
            return " | " + median + unit;
        }
        return String.format(Locale.ROOT, " | %d%s (%.2f×)", median, unit, median / (double) median(theirs, value));
    }

    private static String ratioCell(long[] ours, long[] theirs, int index, String unit) {
        if (ours == null) {
            return " | ";
        }
        if (theirs == null || ours == theirs) {
            return " | " + ours[index] + unit;
        }
        return String.format(Locale.ROOT, " | %d%s (%.2f×)", ours[index], unit, ours[index] / (double) theirs[index]);
    }

    // ---------------------------------------------------------------- processes

    private Process launch(Target target, int port, boolean stateless, String cgroup) throws IOException {
        List<String> command = new ArrayList<>();
        if (cgroup != null) {
            // The server alone goes into the quota (as on Fargate, its clients run elsewhere); exec keeps the pid.
            command.addAll(List.of("sh", "-c", "echo $$ > " + cgroup + "/cgroup.procs && exec \"$@\"", "sh"));
        }
        command.addAll(target.command());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.put("PORT", Integer.toString(port));
        env.put("MCP_SERVER_BIND_ADDRESS", "127.0.0.1");
        env.put("MCP_SERVER_API_KEY", LoadGen.KEY);
        env.put("MCP_SERVER_STATELESS", Boolean.toString(stateless));
        env.put("MCP_SERVER_LOG_LEVEL", "warn");
        env.put("ELEVENLABS_API_KEY", LoadGen.FAKE_ELEVENLABS_KEY);
        env.put("ELEVENLABS_BASE_URL", options.getOrDefault("fake", "http://127.0.0.1:9"));
        env.put("MCP_PEER_TOOLS", options.getOrDefault("tools", "target/bench/tools.json"));
        return builder.start();
    }

    private static void awaitHealth(Process process, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (LoadGen.Http http = new LoadGen.Http(port)) {
                if (http.send("GET", "/health", Map.of(), null).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("server did not start");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- helpers

    private static <T> long median(List<T> values, ToLongFunction<T> value) {
        long[] sorted = values.stream().mapToLong(value).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /** {@code median (min–max)} */
    private static <T> String stats(List<T> values, ToLongFunction<T> value) {
        long[] sorted = values.stream().mapToLong(value).sorted().toArray();
        return sorted[sorted.length / 2] + " (" + sorted[0] + "–" + sorted[sorted.length - 1] + ")";
    }

    private int integer(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private void line(String format, Object... args) {
        line(Locale.ROOT, format, args);
    }

    private void line(Locale locale, String format, Object... args) {
        System.out.println(String.format(locale, format, args));
        System.out.flush();
    }
}
