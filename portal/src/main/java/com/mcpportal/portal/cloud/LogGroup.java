package com.mcpportal.portal.cloud;

import java.util.List;
import java.util.Optional;

/** An environment's log group and the number of days it keeps events. */
public record LogGroup(String name, int retentionDays) {

    /** The retention periods CloudWatch Logs accepts, in days. */
    public static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /** Why a retention is not accepted, or empty when it is. */
    public static Optional<String> validateRetention(int days) {
        return RETENTION_DAYS.contains(days) ? Optional.empty()
                : Optional.of("Log retention must be one of " + RETENTION_DAYS + " days");
    }
}
