package com.mcpportal.portal.apikey;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API-key settings ({@code portal.keys.*}).
 *
 * @param simulatedDir      where simulated-mode environments' key sets are written as {@code <cloud id>.json}
 *                          ({@code PORTAL_KEYS_SIMULATED_DIR}); an MCP server on the same machine or volume reads
 *                          it through {@code MCP_SERVER_KEYS_FILE}
 * @param defaultLifetime   the expiry the issue form suggests
 * @param maxLifetime       the longest expiry an owner may choose; {@code 0} allows keys that never expire
 * @param maxActivePerTeam  live keys per team: the key set must fit in one SSM parameter (8 KB, about 50 keys)
 * @param syncInterval      how often the periodic pass republishes key sets that changed, failed or expired
 * @param rotationCron      when the daily rotation job runs (Quartz cron, UTC)
 * @param expiringSoon      keys expiring within this window are flagged on the team page
 */
@ConfigurationProperties("portal.keys")
public record ApiKeySettings(
        @DefaultValue("./data/keys") Path simulatedDir,
        @DefaultValue("90d") Duration defaultLifetime,
        @DefaultValue("365d") Duration maxLifetime,
        @DefaultValue("50") int maxActivePerTeam,
        @DefaultValue("1m") Duration syncInterval,
        @DefaultValue("0 15 3 * * ?") String rotationCron,
        @DefaultValue("7d") Duration expiringSoon) {

    public ApiKeySettings {
        if (maxLifetime.isNegative() || defaultLifetime.isNegative() || defaultLifetime.isZero()) {
            throw new IllegalArgumentException("portal.keys.default-lifetime must be positive and"
                    + " portal.keys.max-lifetime zero (no maximum) or positive");
        }
        if (hasMaximum(maxLifetime) && defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("portal.keys.default-lifetime (" + defaultLifetime.toDays()
                    + " days) is longer than portal.keys.max-lifetime (" + maxLifetime.toDays() + " days)");
        }
        if (maxActivePerTeam < 1 || syncInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("portal.keys.max-active-per-team must be at least 1 and"
                    + " portal.keys.sync-interval at least 1s");
        }
    }

    /** Whether keys that never expire are allowed. */
    public boolean allowsNoExpiry() {
        return !hasMaximum(maxLifetime);
    }

    /** The lifetime a key may have at most, if any. */
    public boolean withinMaximum(@Nullable Duration lifetime) {
        return lifetime == null ? allowsNoExpiry() : !hasMaximum(maxLifetime) || lifetime.compareTo(maxLifetime) <= 0;
    }

    private static boolean hasMaximum(Duration max) {
        return !max.isZero();
    }
}
