package com.mcpportal.portal.environment.operation;

import com.mcpportal.portal.audit.AuditEntry;

/**
 * Who asks for an operation, and why: the audit log records both.
 *
 * @param name   a username, {@code scheduler}, {@code aws-scheduler} or {@code system}
 * @param reason why, e.g. "window Mon 08:00–20:00 Europe/Berlin opened"; may be null for people
 */
public record Actor(String name, String reason) {

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An actor needs a name");
        }
    }

    public static Actor user(String username) {
        return new Actor(username, null);
    }

    public static Actor scheduler(String reason) {
        return new Actor(AuditEntry.SCHEDULER, reason);
    }

    /** The cloud's scheduler, which started or stopped the environment on the hours kept there. */
    public static Actor awsScheduler(String reason) {
        return new Actor(AuditEntry.AWS_SCHEDULER, reason);
    }

    public static Actor system(String reason) {
        return new Actor(AuditEntry.SYSTEM, reason);
    }
}
