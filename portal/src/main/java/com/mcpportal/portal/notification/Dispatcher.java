package com.mcpportal.portal.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due in the outbox. Each run claims a batch (rows another portal instance holds are skipped, see
 * {@link DeliveryStore#claim}), then sends each channel's messages on a thread of its own (four at a time), so a
 * channel that times out or fails delays no other. After a failure the channel's other messages wait for its retry; each message is
 * tried up to {@code max-attempts} times with doubling waits, and a channel failing {@code failing-after} times in a
 * row is marked failing (audited) until a message gets through (audited too).
 */
@Component
class Dispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    static final int BATCH = 50;

    private final DeliveryStore deliveries;
    private final ChannelStore channels;
    private final WebhookSender webhooks;
    private final EmailSender email;
    private final AuditLog auditLog;
    private final NotificationSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ExecutorService senders;

    Dispatcher(DeliveryStore deliveries, ChannelStore channels, WebhookSender webhooks, EmailSender email,
               AuditLog auditLog, NotificationSettings settings, PlatformTransactionManager transactions, Clock clock) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.webhooks = webhooks;
        this.email = email;
        this.auditLog = auditLog;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "notification-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends the due messages, batch after batch; returns how many were delivered. */
    int dispatchDue() {
        int delivered = 0;
        for (int round = 0; round < 20; round++) {
            Instant now = clock.instant();
            List<Delivery> claimed = transaction.execute(status -> deliveries.claim(BATCH, now, now.plus(settings.lease())));
            if (claimed.isEmpty()) {
                break;
            }
            delivered += sendByChannel(claimed);
            if (claimed.size() < BATCH) {
                break;
            }
        }
        return delivered;
    }

    private int sendByChannel(List<Delivery> claimed) {
        Map<Long, List<Delivery>> byChannel = new LinkedHashMap<>();
        claimed.stream().sorted(Comparator.comparing(Delivery::nextAttemptAt).thenComparing(Delivery::id))
                .forEach(d -> byChannel.computeIfAbsent(d.channelId(), id -> new ArrayList<>()).add(d));
        List<Future<Integer>> running = new ArrayList<>();
        byChannel.forEach((channelId, messages) -> running.add(senders.submit(() -> sendInOrder(channelId, messages))));
        int delivered = 0;
        for (Future<Integer> result : running) {
            try {
                delivered += result.get();
            } catch (ExecutionException failed) {
                log.warn("Sending notifications failed: {}", failed.getCause().toString());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return delivered;
    }

    private int sendInOrder(long channelId, List<Delivery> messages) {
        Channel channel = channels.find(channelId).orElse(null);
        if (channel == null) {
            return 0; // deleted since: its messages went with it
        }
        int delivered = 0;
        for (int i = 0; i < messages.size(); i++) {
            Delivery delivery = messages.get(i);
            try {
                send(channel, delivery);
                sent(channel, delivery);
                delivered++;
            } catch (DeliveryFailure failure) {
                Instant retryAt = failed(channel, delivery, failure.getMessage());
                messages.subList(i + 1, messages.size()).forEach(waiting -> deliveries.release(waiting.id(), retryAt));
                break;
            } catch (RuntimeException unexpected) {
                log.warn("Notification {} to channel {} failed unexpectedly", delivery.id(), channelId, unexpected);
                failed(channel, delivery, "The portal could not send it (" + unexpected.getClass().getSimpleName() + ")");
                messages.subList(i + 1, messages.size()).forEach(waiting -> deliveries.release(waiting.id(), null));
                break;
            }
        }
        return delivered;
    }

    private void send(Channel channel, Delivery delivery) throws DeliveryFailure {
        if (channel.kind() == ChannelKind.EMAIL) {
            email.send(channel, delivery);
        } else {
            webhooks.send(channel, delivery);
        }
    }

    private void sent(Channel channel, Delivery delivery) {
        transaction.executeWithoutResult(status -> {
            deliveries.sent(delivery.id(), clock.instant());
            if (channels.succeeded(channel.id())) {
                auditLog.record(described(AuditEntry.success("notification.channel.recovered"), channel));
            }
        });
    }

    /** Records the failed attempt; returns when the message is tried again (null: given up). */
    private Instant failed(Channel channel, Delivery delivery, String error) {
        Instant now = clock.instant();
        Instant retryAt = delivery.attempts() >= settings.maxAttempts() ? null
                : now.plus(settings.backoff(delivery.attempts()));
        transaction.executeWithoutResult(status -> {
            deliveries.failed(delivery.id(), error, retryAt);
            if (channels.failed(channel.id(), error, settings.failingAfter(), now)) {
                auditLog.record(described(AuditEntry.failure("notification.channel.failing"), channel)
                        .detail("failures", settings.failingAfter()).detail("error", error));
            }
        });
        log.info("Notification {} to channel {} failed (attempt {}): {}", delivery.id(), channel.id(),
                delivery.attempts(), error);
        return retryAt;
    }

    static AuditEntry described(AuditEntry entry, Channel channel) {
        return entry.actor(AuditEntry.SYSTEM).team(channel.teamId()).target("notification-channel", channel.id())
                .detail("name", channel.name());
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
