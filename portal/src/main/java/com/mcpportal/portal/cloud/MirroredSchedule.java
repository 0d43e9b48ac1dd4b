package com.mcpportal.portal.cloud;

import java.time.Instant;
import java.util.Objects;

/**
 * One schedule the cloud keeps for an environment so its hours go on while the portal is down (EventBridge
 * Scheduler on AWS): a recurring {@code cron(...)} or a one-time {@code at(...)} expression read in {@code timezone}
 * (an IANA zone, so the cloud applies daylight saving time), what it does, and the dates it is limited to.
 *
 * @param name       unique within the environment: letters, digits, {@code -}, {@code _} and {@code .}, at most 64
 * @param startDate  nullable: fires from now on; else not before this instant
 * @param endDate    nullable: fires for ever; else not after this instant
 */
public record MirroredSchedule(String name, String expression, String timezone, MirrorAction action,
        Instant startDate, Instant endDate) {

    public MirroredSchedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(action, "action");
        if (!name.matches("[0-9A-Za-z_.-]{1,64}")) {
            throw new IllegalArgumentException("Not a schedule name: " + name);
        }
    }

    /** A schedule that fires once and is then deleted by the cloud. */
    public boolean oneTime() {
        return expression.startsWith("at(");
    }
}
