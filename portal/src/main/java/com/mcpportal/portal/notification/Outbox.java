package com.mcpportal.portal.notification;

import java.time.Clock;

import com.mcpportal.portal.notification.NotificationSettings.PortalAddress;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a notice in the outbox once for each of the team's channels whose rules take it, in the caller's transaction:
 * the event and its messages commit together or not at all. The dispatcher sends them.
 */
@Component
class Outbox {

    private final ChannelStore channels;
    private final DeliveryStore deliveries;
    private final PortalAddress address;
    private final Clock clock;

    Outbox(ChannelStore channels, DeliveryStore deliveries, PortalAddress address, Clock clock) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.address = address;
        this.clock = clock;
    }

    /** Returns how many messages were queued (repeats of a dedupe key are not). */
    @Transactional
    public int enqueue(Notice notice) {
        int queued = 0;
        for (long channel : channels.receiving(notice.teamId(), notice.kind())) {
            queued += enqueue(channel, notice) ? 1 : 0;
        }
        return queued;
    }

    /** Queues the notice for one channel, whatever its rules (a test message). */
    @Transactional
    public boolean enqueue(long channelId, Notice notice) {
        return deliveries.enqueue(channelId, notice, address.link(notice.linkPath()), clock.instant());
    }
}
