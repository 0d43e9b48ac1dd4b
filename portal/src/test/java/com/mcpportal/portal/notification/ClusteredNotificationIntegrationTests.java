package com.mcpportal.portal.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mcpportal.portal.PortalApplication;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two portal instances (two application contexts) on one PostgreSQL send one outbox at the same time, each in a
 * tight loop: every message reaches the receiver exactly once, and both instances did part of the work. The Quartz
 * dispatch job is slowed to an hour so that the test's own loops are the only senders.
 */
class ClusteredNotificationIntegrationTests {

    private static final int MESSAGES = 120;

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private WireMockServer receiver;
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeEach
    void startTwoInstances() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(0).start();
        pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(24);
        receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        first = instance();
        second = instance();
    }

    @AfterEach
    void stop() throws IOException {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        receiver.stop();
        pool.close();
        postgres.close();
    }

    @Test
    void twoInstancesSendingOneOutboxDeliverEveryMessageExactlyOnce() throws Exception {
        // Given a generic webhook that takes 20 ms per request, and a full outbox
        receiver.stubFor(post(urlEqualTo("/in")).willReturn(aResponse().withStatus(204).withFixedDelay(20)));
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        long teamId = jdbc.queryForObject("INSERT INTO team (name, created_at) VALUES ('Cluster', now()) RETURNING id",
                Long.class);
        NotificationChannels channels = first.getBean(NotificationChannels.class);
        Channel channel = channels.create(teamId, new ChannelForm("WEBHOOK", "cluster hook", null,
                receiver.baseUrl() + "/in", "cluster-signing-secret-0123456789", List.of()));
        for (int i = 0; i < MESSAGES; i++) {
            channels.sendTest(teamId, channel.id());
        }

        // When both instances send until the outbox is empty
        ExecutorService loops = Executors.newFixedThreadPool(2);
        List<Future<Integer>> sent = loops.invokeAll(List.of(sender(first, jdbc), sender(second, jdbc)));
        loops.shutdown();
        assertThat(loops.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        // Then each message went out once, by one instance or the other, and both took part
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/in")));
        Map<String, Long> perDelivery = requests.stream().collect(Collectors.groupingBy(
                request -> request.getHeader("X-Portal-Delivery"), Collectors.counting()));
        assertThat(perDelivery).hasSize(MESSAGES);
        assertThat(perDelivery.values()).as("requests per message").containsOnly(1L);
        assertThat(sent.get(0).get() + sent.get(1).get()).isEqualTo(MESSAGES);
        assertThat(sent).as("messages each instance sent").allSatisfy(count -> assertThat(count.get()).isPositive());
        assertThat(jdbc.queryForList("SELECT state || ' ' || attempts FROM notification_delivery", String.class))
                .hasSize(MESSAGES).containsOnly("SENT 1");
    }

    /** One instance's loop: dispatch until nothing is pending; returns how many it delivered. */
    private static Callable<Integer> sender(ConfigurableApplicationContext instance, JdbcTemplate jdbc) {
        Dispatcher dispatcher = instance.getBean(Dispatcher.class);
        Function<Void, Integer> pending = none -> jdbc.queryForObject(
                "SELECT count(*) FROM notification_delivery WHERE state = 'PENDING'", Integer.class);
        return () -> {
            int delivered = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (pending.apply(null) > 0 && System.nanoTime() < deadline) {
                delivered += dispatcher.dispatchDue();
            }
            return delivered;
        };
    }

    private ConfigurableApplicationContext instance() {
        Map<String, Object> properties = new HashMap<>();
        // Set only so the portal starts no embedded database of its own; the pool below is the data source.
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("server.port", "0");
        // The Quartz dispatch job out of the way: the test's two loops are the only senders. A long interval is not
        // enough: a trigger fires at once when its scheduler starts, and that first run sent a few messages the
        // loops did not count (seen in CI: 117 of 120). So the schedulers do not start at all.
        properties.put("spring.quartz.auto-startup", "false");
        // A scheduler name of their own (see ClusteredScheduleIntegrationTests) and one pool object for both.
        properties.put("spring.quartz.scheduler-name", "mcp-portal-notification-cluster-test");
        properties.put("spring.quartz.properties.org.quartz.threadPool.threadCount", "2");
        return new SpringApplicationBuilder(PortalApplication.class)
                .initializers(created -> created.getBeanFactory().registerSingleton("dataSource", pool))
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
    }
}
