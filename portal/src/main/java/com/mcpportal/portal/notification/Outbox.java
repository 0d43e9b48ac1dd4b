package com.mcpportal.portal.notification;

import java.time.Clock;
import java.time.Instant;

import com.mcpportal.portal.notification.NotificationSettings.PortalAddress;

import org.springframework.stereotype.Component;

/**
 * Puts a notice in the outbox once for each of the team's channels whose rules take it, in the caller's transaction:
 * the event and its messages commit together or not at all. The dispatcher sends them. Deliberately no transaction
 * boundary of its own: a joined {@code @Transactional} method that throws marks the caller's whole transaction
 * rollback-only, which a savepoint cannot undo ({@link NotificationTriggers} keeps a failure here from costing the
 * event; {@link KeyExpiryNotices} and {@link NotificationChannels} open the transaction themselves).
 */
@Component
class Outbox {

    private final ChannelStore channels;
    private final DeliveryStore deliveries;
    private final PortalAddress address;
    private final NotificationSettings settings;
    private final Clock clock;

    Outbox(ChannelStore channels, DeliveryStore deliveries, PortalAddress address, NotificationSettings settings,
           Clock clock) {
        this.settings = settings;
        this.channels = channels;
        this.deliveries = deliveries;
        this.address = address;
        this.clock = clock;
    }

    /** Returns how many messages were queued (repeats of a dedupe key are not, nor grouped repeats). */
    int enqueue(Notice notice) {
        int queued = 0;
        for (long channel : channels.receiving(notice.teamId(), notice.kind())) {
            queued += enqueue(channel, notice) ? 1 : 0;
        }
        return queued;
    }

    /** Queues the notice for one channel, whatever its rules (a test message). */
    boolean enqueue(long channelId, Notice notice) {
        Instant now = clock.instant();
        return deliveries.enqueue(channelId, notice, address.link(notice.linkPath()), now,
                now.minus(settings.groupWindow()));
    }
}
