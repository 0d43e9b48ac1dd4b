package com.mcpportal.portal.team;

/**
 * Published inside the transaction that creates a team, after its first owner is added: features that set up a new
 * team's defaults (its notification channel for the owners) do it in the same transaction.
 */
public record TeamCreated(long teamId) {
}
