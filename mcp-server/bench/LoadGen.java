import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark harness for the MCP server (JDK only; run as {@code java bench/LoadGen.java ...}).
 * A raw-socket HTTP/1.1 keep-alive client, so the load generator costs as little CPU as possible
 * on a machine it shares with the server.
 *
 * <pre>
 *   java bench/LoadGen.java all --jar target/mcp-server.jar --fake http://127.0.0.1:PORT \
 *        [--cds target/app.jsa] [--jvm "-XX:+UseSerialGC ..."] [--seconds 10] [--connections 32]
 * </pre>
 */
public final class LoadGen {

    static final String KEY = "bench-key-0123456789abcdef0123456789";
    static final String FAKE_ELEVENLABS_KEY = "sk_fake_0123456789abcdef0123456789abcdef";
    static final String VOICE = "cgSgspJ2msm6clMCkdW9";
    static final String TTS_ARGS = "{\"text\":\"The quick brown fox jumps over the lazy dog.\"}";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String mode = args.length > 0 ? args[0] : "all";
        String jar = options.getOrDefault("jar", "target/mcp-server.jar");
        String fake = options.get("fake");
        List<String> jvm = new ArrayList<>(Arrays.asList(options.getOrDefault("jvm",
                "-XX:+UseSerialGC -XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
                + " -Xmn24m -XX:SurvivorRatio=2 -XX:TieredStopAtLevel=1 -Xss512k -XX:-UsePerfData"
                + " -XX:SweeperThreshold=50").split("\\s+")));
        String cds = options.get("cds");
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        System.out.printf("machine: %d cores visible, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        if (mode.equals("all") || mode.equals("coldstart")) {
            coldStart("no CDS archive", jvm, null, jar, fake, runs);
            if (cds != null) {
                coldStart("AppCDS archive", jvm, cds, jar, fake, runs);
            }
        }
        if (mode.equals("throughput")) {
            boolean stateless = Boolean.parseBoolean(options.getOrDefault("stateless", "false"));
            try (Server server = Server.start(jvm, cds, jar, fake, stateless)) {
                throughput(stateless ? "stateless" : "stateful", server, connections, seconds);
            }
        }
        if (mode.equals("latency")) {
            boolean stateless = Boolean.parseBoolean(options.getOrDefault("stateless", "false"));
            try (Server server = Server.start(jvm, cds, jar, fake, stateless)) {
                latency(server.port, fake, Integer.parseInt(options.getOrDefault("calls", "3000")));
            }
        }
        if (mode.equals("rss")) {
            try (Server server = Server.start(jvm, cds, jar, fake, false)) {
                int errors = calls(server.port, 50, 10_000, "text_to_speech", TTS_ARGS);
                System.out.printf("RSS after 10,000 text_to_speech calls from 50 clients: %d MB (%d errors), pid %d%n",
                        server.rssKb() / 1024, errors, server.process.pid());
                Thread.sleep(Long.parseLong(options.getOrDefault("hold", "0")) * 1000);
            }
        }
        if (mode.equals("all") || mode.equals("load")) {
            for (boolean stateless : new boolean[] {false, true}) {
                try (Server server = Server.start(jvm, cds, jar, fake, stateless)) {
                    String label = stateless ? "stateless" : "stateful";
                    throughput(label, server, connections, seconds);
                    if (!stateless) {
                        long before = server.rssKb();
                        int errors = calls(server.port, 50, 10_000, "text_to_speech", TTS_ARGS);
                        System.out.printf("RSS (%s): %d MB after start+throughput run, %d MB after 10,000 text_to_speech calls"
                                + " from 50 concurrent clients (%d errors)%n", label, before / 1024, server.rssKb() / 1024, errors);
                        latency(server.port, fake, 3000);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- cold start

    static void coldStart(String label, List<String> jvm, String cds, String jar, String fake, int runs) throws Exception {
        long[] millis = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            int port = freePort();
            long start = System.nanoTime();
            Process process = launch(jvm, cds, jar, fake, port, false);
            try {
                while (true) {
                    try (Mcp client = new Mcp(port, true)) {
                        client.initialize();
                        if (client.call("tools/list", null).contains("text_to_speech")) {
                            break;
                        }
                    } catch (IOException notYet) {
                        Thread.sleep(2);
                    }
                    if (!process.isAlive()) {
                        throw new IllegalStateException("server exited: " + new String(process.getInputStream().readAllBytes()));
                    }
                }
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                cpu[i] = cpuMillis(process.pid());
            } finally {
                process.destroy();
                process.waitFor(15, TimeUnit.SECONDS);
            }
        }
        Arrays.sort(millis);
        Arrays.sort(cpu);
        System.out.printf("cold start to first tools/list (%s): median %d ms, min %d ms, max %d ms over %d runs %s;"
                        + " server CPU until then: median %d ms%n",
                label, millis[runs / 2], millis[0], millis[runs - 1], runs, Arrays.toString(millis), cpu[runs / 2]);
    }

    // ---------------------------------------------------------------- load

    static void throughput(String label, Server server, int connections, int seconds) throws Exception {
        timed(server.port, connections, 3, "tools/list", null); // warm-up
        long cpuBefore = cpuMillis(server.process.pid());
        long[] result = timed(server.port, connections, seconds, "tools/list", null);
        double cpuPerCall = (cpuMillis(server.process.pid()) - cpuBefore) / (double) Math.max(1, result[0]);
        System.out.printf(Locale.ROOT, "throughput (%s, authenticated tools/list, %d connections, %d s): %.0f calls/s, %d errors;"
                        + " server CPU %.3f ms per call (= %.0f calls/s per fully available core)%n",
                label, connections, seconds, result[0] / (double) seconds, result[1], cpuPerCall, 1000 / cpuPerCall);
    }

    /** Calls {@code method} as fast as possible for {@code seconds}; returns {calls, errors}. */
    static long[] timed(int port, int connections, int seconds, String method, String params) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(() -> {
                try (Mcp client = new Mcp(port, true)) {
                    client.initialize();
                    while (System.nanoTime() < deadline) {
                        if (client.call(method, params).contains("\"result\"")) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new long[] {ok.get(), failed.get()};
    }

    /** {@code total} tool calls spread over {@code clients} concurrent sessions; returns the error count. */
    static int calls(int port, int clients, int total, String tool, String arguments) throws Exception {
        AtomicInteger remaining = new AtomicInteger(total);
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        String params = "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}";
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try (Mcp client = new Mcp(port, true)) {
                    client.initialize();
                    while (remaining.getAndDecrement() > 0) {
                        String answer = client.call("tools/call", params);
                        if (!answer.contains("\"audio\"") || answer.contains("\"isError\":true")) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        return errors.get();
    }

    static void latency(int port, String fake, int count) throws Exception {
        Matcher origin = Pattern.compile("http://([^:/]+):(\\d+)").matcher(fake);
        if (!origin.find()) {
            throw new IllegalArgumentException("--fake must be http://host:port");
        }
        int fakePort = Integer.parseInt(origin.group(2));
        String upstreamBody = "{\"text\":\"The quick brown fox jumps over the lazy dog.\",\"model_id\":\"eleven_multilingual_v2\","
                + "\"voice_settings\":{}}";
        String params = "{\"name\":\"text_to_speech\",\"arguments\":" + TTS_ARGS + "}";
        long[] direct = new long[count];
        long[] viaMcp = new long[count];
        try (Http upstream = new Http(fakePort); Mcp client = new Mcp(port, true)) {
            client.initialize();
            Map<String, String> headers = Map.of("xi-api-key", FAKE_ELEVENLABS_KEY, "Content-Type", "application/json",
                    "Accept", "audio/mpeg");
            String path = "/v1/text-to-speech/" + VOICE + "?output_format=mp3_44100_128";
            for (int warm = 0; warm < 500; warm++) {
                upstream.send("POST", path, headers, upstreamBody);
                client.call("tools/call", params);
            }
            // Interleaved, so both see the same machine load.
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                Http.Response response = upstream.send("POST", path, headers, upstreamBody);
                long t1 = System.nanoTime();
                String answer = client.call("tools/call", params);
                long t2 = System.nanoTime();
                if (response.status != 200 || !answer.contains("\"audio\"")) {
                    throw new IllegalStateException("bad answer: " + response.status + " / " + answer);
                }
                direct[i] = t1 - t0;
                viaMcp[i] = t2 - t1;
            }
        }
        Arrays.sort(direct);
        Arrays.sort(viaMcp);
        System.out.printf(Locale.ROOT, "text_to_speech latency over %d sequential calls: direct to fake upstream p50 %.2f ms"
                        + " p99 %.2f ms; via MCP server p50 %.2f ms p99 %.2f ms; added p50 %.2f ms, p99 %.2f ms%n",
                count, ms(pct(direct, 50)), ms(pct(direct, 99)), ms(pct(viaMcp, 50)), ms(pct(viaMcp, 99)),
                ms(pct(viaMcp, 50) - pct(direct, 50)), ms(pct(viaMcp, 99) - pct(direct, 99)));
    }

    static long pct(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    // ---------------------------------------------------------------- server process

    static Process launch(List<String> jvm, String cds, String jar, String fake, int port, boolean stateless)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        if (cds != null) {
            command.add("-XX:SharedArchiveFile=" + cds);
        }
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PORT", Integer.toString(port));
        env.put("MCP_SERVER_BIND_ADDRESS", "127.0.0.1");
        env.put("MCP_SERVER_API_KEY", KEY);
        env.put("MCP_SERVER_STATELESS", Boolean.toString(stateless));
        env.put("MCP_SERVER_LOG_LEVEL", "warn"); // request lines would measure the terminal, not the server
        env.put("ELEVENLABS_API_KEY", FAKE_ELEVENLABS_KEY);
        env.put("ELEVENLABS_BASE_URL", fake);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    static final class Server implements AutoCloseable {
        final Process process;
        final int port;

        private Server(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Server start(List<String> jvm, String cds, String jar, String fake, boolean stateless) throws Exception {
            int port = freePort();
            Process process = launch(jvm, cds, jar, fake, port, stateless);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                try (Http http = new Http(port)) {
                    if (http.send("GET", "/health", Map.of(), null).status == 200) {
                        return new Server(process, port);
                    }
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("server did not start");
        }

        long rssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(15, TimeUnit.SECONDS);
        }
    }

    /** User + system CPU time of a process so far, in milliseconds (from /proc, 100 ticks per second). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ---------------------------------------------------------------- clients

    /** One MCP session over one keep-alive connection. */
    static final class Mcp implements Closeable {
        private final Http http;
        private final Map<String, String> headers = new HashMap<>();
        private int nextId = 1;

        Mcp(int port, boolean authenticated) throws IOException {
            http = new Http(port);
            headers.put("Content-Type", "application/json");
            headers.put("Accept", "application/json, text/event-stream");
            if (authenticated) {
                headers.put("Authorization", "Bearer " + KEY);
            }
        }

        void initialize() throws IOException {
            Http.Response response = http.send("POST", "/mcp", headers, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                    + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"loadgen\",\"version\":\"1\"}}}");
            if (response.status != 200) {
                throw new IOException("initialize answered " + response.status);
            }
            String session = response.headers.get("mcp-session-id");
            if (session != null) {
                headers.put("Mcp-Session-Id", session);
            }
            http.send("POST", "/mcp", headers, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        }

        String call(String method, String params) throws IOException {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":" + nextId++ + ",\"method\":\"" + method + "\""
                    + (params == null ? "" : ",\"params\":" + params) + "}";
            Http.Response response = http.send("POST", "/mcp", headers, body);
            return response.status == 200 ? new String(response.body, StandardCharsets.UTF_8) : "HTTP " + response.status;
        }

        @Override
        public void close() throws IOException {
            http.close();
        }
    }

    /** Minimal HTTP/1.1 keep-alive client: Content-Length and chunked bodies. */
    static final class Http implements Closeable {
        record Response(int status, Map<String, String> headers, byte[] body) {
        }

        private final Socket socket;
        private final BufferedOutputStream out;
        private final InputStream in;

        Http(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 16384);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
        }

        Response send(String method, String path, Map<String, String> headers, String body) throws IOException {
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(payload.length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            return read();
        }

        private Response read() throws IOException {
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("connection closed");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new HashMap<>();
            String line;
            while (!(line = line()).isEmpty()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                int size;
                while ((size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
            }
            return new Response(status, headers, body.toByteArray());
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
