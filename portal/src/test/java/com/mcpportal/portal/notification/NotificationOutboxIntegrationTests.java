package com.mcpportal.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's own upkeep, with the portal's one Clock fixed: repeats of one condition written by two instances at the
 * same instant are one message, and messages sent or given up are pruned after the retention (those still to be sent
 * are kept, and key notices as long as their dedupe key is needed).
 */
@PortalIntegrationTest
@Import(NotificationOutboxIntegrationTests.FixedClock.class)
class NotificationOutboxIntegrationTests {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationChannels channels;

    @Autowired
    Outbox outbox;

    @Autowired
    DeliveryPruning pruning;

    @Autowired
    Scheduler scheduler;

    @Autowired
    PlatformTransactionManager transactions;

    private Team team;

    @BeforeEach
    void setUp() {
        team = data.team("Outbox", data.user("outbox-owner"));
    }

    @Test
    void twoInstancesWritingOneConditionAtTheSameInstantQueueOneMessageThatCountsTheOther() throws Exception {
        Channel channel = channels.create(team.getId(), new ChannelForm("WEBHOOK", "race hook", null,
                "https://hooks.example.com/in", "race-signing-secret-0123456789", List.of("ERROR_RATE")));
        Notice notice = new Notice(NoticeKind.ERROR_RATE, team.getId(), "High error rate on payments", "happened",
                "why", "action", "/teams/" + team.getId() + "/environments/7", null).groupedBy("environment:7");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch firstQueued = new CountDownLatch(1);
        AtomicBoolean secondDone = new AtomicBoolean();
        ExecutorService instances = Executors.newFixedThreadPool(2);

        // Given one instance has queued the condition and not committed yet,
        Future<Integer> first = instances.submit(() -> transaction.execute(status -> {
            int queued = outbox.enqueue(notice);
            firstQueued.countDown();
            // it stays open until the other has written the same condition, or waits for this one to finish
            await().atMost(Duration.ofSeconds(30)).until(() -> secondDone.get() || waitingForAnAdvisoryLock());
            return queued;
        }));
        // when another writes the same condition at that instant
        Future<Integer> second = instances.submit(() -> {
            assertThat(firstQueued.await(30, TimeUnit.SECONDS)).isTrue();
            Integer queued = transaction.execute(status -> outbox.enqueue(notice));
            secondDone.set(true);
            return queued;
        });

        // then one message is queued, and it counts the repeat
        assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        instances.shutdown();
        assertThat(jdbc.queryForList("SELECT repeats FROM notification_delivery WHERE channel_id = ?", Integer.class,
                channel.id())).containsExactly(1);
    }

    @Test
    void messagesSentOrGivenUpArePrunedAfterTheRetentionAndThoseToSendAndNeededKeyNoticesAreKept() throws Exception {
        Channel channel = channels.create(team.getId(), new ChannelForm("WEBHOOK", "prune hook", null,
                "https://hooks.example.com/in", "prune-signing-secret-0123456789", List.of("OPERATION_FAILED")));
        long sentOld = message(channel, "OPERATION_FAILED", "SENT", 31);
        long failedOld = message(channel, "OPERATION_FAILED", "FAILED", 31);
        long pendingOld = message(channel, "OPERATION_FAILED", "PENDING", 40);
        long sentRecent = message(channel, "OPERATION_FAILED", "SENT", 29);
        long keyWarned = message(channel, "KEY_EXPIRING", "SENT", 31);
        long keyWarnedLongAgo = message(channel, "KEY_EXPIRING", "SENT", 91);

        // When the daily job runs (its body; the clustered job is registered with Quartz)
        assertThat(scheduler.getJobDetail(JobKey.jobKey("notification-prune", "notifications"))).isNotNull();
        int deleted = pruning.prune();

        // then what was sent or given up more than 30 days ago is gone, except a key notice still guarding its key
        assertThat(deleted).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT id FROM notification_delivery WHERE channel_id = ? ORDER BY id", Long.class,
                channel.id())).containsExactly(pendingOld, sentRecent, keyWarned)
                .doesNotContain(sentOld, failedOld, keyWarnedLongAgo);
    }

    private long message(Channel channel, String kind, String state, int daysAgo) {
        Timestamp queued = Timestamp.from(NOW.minus(Duration.ofDays(daysAgo)));
        return jdbc.queryForObject("INSERT INTO notification_delivery (channel_id, team_id, event_kind, headline,"
                + " happened, why, action, link, state, next_attempt_at, created_at) VALUES (?, ?, ?, 'h', 'h', 'w', 'a',"
                + " 'https://portal.example.test/', ?, ?, ?) RETURNING id", Long.class, channel.id(), team.getId(), kind,
                state, queued, queued);
    }

    private boolean waitingForAnAdvisoryLock() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
                Integer.class) > 0;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        /** Primary, not named "clock": it stands in front of the portal's own (ClockConfiguration). */
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
