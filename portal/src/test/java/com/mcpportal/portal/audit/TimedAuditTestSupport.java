package com.mcpportal.portal.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.mcpportal.portal.support.TestData;
import com.sun.net.httpserver.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * A portal of its own for audit features that depend on time and the outside world: its clock starts on
 * 2020-01-01 and only moves when a test says so, pruning archives into a temporary directory in batches of 5,
 * and the SIEM webhook posts to {@link #RECEIVER}, a real HTTP server on a free loopback port. Test classes
 * extending this share one context (and database).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestData.class, TimedAuditTestSupport.Clocks.class})
abstract class TimedAuditTestSupport {

    static final String SECRET = "shared-secret-for-tests";
    static final Receiver RECEIVER = Receiver.start();
    static final Path ARCHIVE;

    static {
        try {
            ARCHIVE = Files.createTempDirectory("audit-archive-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(ARCHIVE.toFile())));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Autowired
    MovableClock clock;

    @DynamicPropertySource
    static void auditSettings(DynamicPropertyRegistry registry) {
        registry.add("portal.audit.archive-dir", ARCHIVE::toString);
        registry.add("portal.audit.prune-batch-size", () -> "5");
        registry.add("portal.audit.webhook.url", () -> "http://localhost:" + RECEIVER.port() + "/siem/events");
        registry.add("portal.audit.webhook.secret", () -> SECRET);
        registry.add("portal.audit.webhook.poll-interval", () -> "1h"); // tests deliver by hand
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        /** Primary, not named "clock": it stands in front of the portal's own (ClockConfiguration). */
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.parse("2020-01-01T00:00:00Z"));
        }
    }

    /** What the SIEM received: one entry per request. */
    record Delivery(Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A minimal SIEM endpoint: records each POST and answers 200, or the status set for the next request. */
    static final class Receiver {

        final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        final AtomicInteger nextStatus = new AtomicInteger(200);
        private HttpServer server;

        static Receiver start() {
            Receiver receiver = new Receiver();
            try {
                receiver.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            receiver.server.createContext("/siem/events", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    receiver.deliveries.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()), body.readAllBytes()));
                }
                exchange.sendResponseHeaders(receiver.nextStatus.getAndSet(200), -1);
                exchange.close();
            });
            receiver.server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> receiver.server.stop(0)));
            return receiver;
        }

        int port() {
            return server.getAddress().getPort();
        }
    }
}
