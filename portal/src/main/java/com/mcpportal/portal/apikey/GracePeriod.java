package com.mcpportal.portal.apikey;

import java.time.Duration;
import java.util.Optional;

/** How long a rolled key keeps working beside its successor: the choices the pages offer. */
public enum GracePeriod {
    NONE("None: the old key stops now", "now", Duration.ZERO),
    ONE_HOUR("1 hour", "1h", Duration.ofHours(1)),
    ONE_DAY("24 hours", "24h", Duration.ofDays(1)),
    SEVEN_DAYS("7 days", "7d", Duration.ofDays(7));

    private final String label;
    private final String code;
    private final Duration duration;

    GracePeriod(String label, String code, Duration duration) {
        this.label = label;
        this.code = code;
        this.duration = duration;
    }

    /** The REST API's name for it: {@code now}, {@code 1h}, {@code 24h}, {@code 7d}. */
    public String code() {
        return code;
    }

    /** The choice the REST API names {@code code} (or its enum name), if any. */
    public static Optional<GracePeriod> ofCode(String code) {
        for (GracePeriod grace : values()) {
            if (grace.code.equalsIgnoreCase(String.valueOf(code).trim()) || grace.name().equals(code)) {
                return Optional.of(grace);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }

    /** The choice with this duration, for showing a stored policy. */
    static GracePeriod of(Duration duration) {
        for (GracePeriod grace : values()) {
            if (grace.duration.equals(duration)) {
                return grace;
            }
        }
        throw new IllegalArgumentException("No grace period of " + duration);
    }
}
