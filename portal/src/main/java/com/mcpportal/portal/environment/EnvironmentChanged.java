package com.mcpportal.portal.environment;

/**
 * Published inside the transaction that created, changed or deleted an environment's settings (and by other
 * features that change what it runs, e.g. its schedule); listen with {@code @TransactionalEventListener} to act
 * once it committed, as the cost feature does to check the team's budget again.
 *
 * @param what what changed: "created", "updated", "deleted", "schedule" …
 */
public record EnvironmentChanged(long teamId, long environmentId, String what) {
}
