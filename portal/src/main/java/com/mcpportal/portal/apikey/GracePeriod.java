package com.mcpportal.portal.apikey;

import java.time.Duration;

/** How long a rolled key keeps working beside its successor: the choices the pages offer. */
public enum GracePeriod {
    NONE("None: the old key stops now", Duration.ZERO),
    ONE_HOUR("1 hour", Duration.ofHours(1)),
    ONE_DAY("24 hours", Duration.ofDays(1)),
    SEVEN_DAYS("7 days", Duration.ofDays(7));

    private final String label;
    private final Duration duration;

    GracePeriod(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
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
