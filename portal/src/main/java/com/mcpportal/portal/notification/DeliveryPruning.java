package com.mcpportal.portal.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the outbox from growing for ever: messages sent or given up are deleted {@code portal.notifications.retention}
 * (30 days) after they were queued, by a clustered daily job. Messages still to be sent are never deleted. Messages
 * about expiring or expired keys stay at least as long as a channel may warn ahead (90 days, or the portal default if
 * longer): their dedupe key keeps the key from being announced twice.
 */
@Component
class DeliveryPruning {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPruning.class);

    private final DeliveryStore deliveries;
    private final NotificationSettings settings;
    private final Clock clock;

    DeliveryPruning(DeliveryStore deliveries, NotificationSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns how many messages were deleted. */
    @Transactional
    int prune() {
        Instant now = clock.instant();
        Duration keyWindow = Duration.ofDays(ChannelRules.MAX_KEY_EXPIRY_DAYS);
        if (settings.keyExpiryWarning().compareTo(keyWindow) > 0) {
            keyWindow = settings.keyExpiryWarning();
        }
        Duration keys = settings.retention().compareTo(keyWindow) > 0 ? settings.retention() : keyWindow;
        int deleted = deliveries.prune(now.minus(settings.retention()), now.minus(keys));
        if (deleted > 0) {
            log.info("Deleted {} notification messages sent or given up more than {} ago", deleted,
                    settings.retention());
        }
        return deleted;
    }
}
