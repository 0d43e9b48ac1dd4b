package com.mcpportal.portal.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.ExpiringKey;
import com.mcpportal.portal.team.TeamService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces API keys that expire within each channel's own window (its key-expiry days, else
 * {@code portal.notifications.key-expiry-warning}), and those whose expiry passed within the default window before
 * now: each once per channel, key and expiry (the dedupe key), however often the check runs; a key given a new expiry
 * is announced again.
 */
@Component
class KeyExpiryNotices {

    private final ApiKeyService keys;
    private final ChannelStore channels;
    private final TeamService teams;
    private final Outbox outbox;
    private final NotificationSettings settings;
    private final Clock clock;

    KeyExpiryNotices(ApiKeyService keys, ChannelStore channels, TeamService teams, Outbox outbox,
                     NotificationSettings settings, Clock clock) {
        this.keys = keys;
        this.channels = channels;
        this.teams = teams;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns how many messages were queued. */
    @Transactional
    int check() {
        Instant now = clock.instant();
        int queued = 0;
        Duration longest = Duration.ofDays(ChannelRules.MAX_KEY_EXPIRY_DAYS);
        Duration widest = settings.keyExpiryWarning().compareTo(longest) > 0 ? settings.keyExpiryWarning() : longest;
        for (ExpiringKey key : keys.expiringWithin(widest)) {
            String team = teams.name(key.teamId()).orElse("#" + key.teamId());
            Notice notice = Notices.keyExpiring(team, key, now);
            for (ChannelStore.KeyExpiryWindow channel : channels.keyExpiryWindows(key.teamId())) {
                Duration window = channel.days() == null ? settings.keyExpiryWarning() : Duration.ofDays(channel.days());
                if (!key.expiresAt().isAfter(now.plus(window))) {
                    queued += outbox.enqueue(channel.channelId(), notice) ? 1 : 0;
                }
            }
        }
        for (ExpiringKey key : keys.expiredWithin(settings.keyExpiryWarning())) {
            String team = teams.name(key.teamId()).orElse("#" + key.teamId());
            queued += outbox.enqueue(Notices.keyExpired(team, key));
        }
        return queued;
    }
}
