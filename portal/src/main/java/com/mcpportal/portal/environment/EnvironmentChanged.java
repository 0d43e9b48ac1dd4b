package com.mcpportal.portal.environment;

/**
 * Published inside the transaction that created, changed or deleted an environment's settings (and by other
 * features that change what it runs, e.g. its schedule). Listen with {@code @TransactionalEventListener} to act
 * once it committed, as the cost feature does to check the team's budget again, or with {@code @EventListener} to
 * write in the same transaction, as the schedule feature does to give a "created" environment its schedule.
 *
 * @param what what changed: "created", "updated", "deleted", "schedule" …
 */
public record EnvironmentChanged(long teamId, long environmentId, String what) {
}
