package com.mcpportal.portal.notification;

import java.time.Clock;
import java.time.Instant;

import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.ExpiringKey;
import com.mcpportal.portal.team.TeamService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces API keys that expire within {@code portal.notifications.key-expiry-warning}, and those whose expiry passed
 * within the same window before now: each once per key and expiry (the dedupe key), however often the check runs; a
 * key given a new expiry is announced again.
 */
@Component
class KeyExpiryNotices {

    private final ApiKeyService keys;
    private final TeamService teams;
    private final Outbox outbox;
    private final NotificationSettings settings;
    private final Clock clock;

    KeyExpiryNotices(ApiKeyService keys, TeamService teams, Outbox outbox, NotificationSettings settings, Clock clock) {
        this.keys = keys;
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
        for (ExpiringKey key : keys.expiringWithin(settings.keyExpiryWarning())) {
            String team = teams.name(key.teamId()).orElse("#" + key.teamId());
            queued += outbox.enqueue(Notices.keyExpiring(team, key, now));
        }
        for (ExpiringKey key : keys.expiredWithin(settings.keyExpiryWarning())) {
            String team = teams.name(key.teamId()).orElse("#" + key.teamId());
            queued += outbox.enqueue(Notices.keyExpired(team, key));
        }
        return queued;
    }
}
