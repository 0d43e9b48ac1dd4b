package com.mcpportal.portal.user;

import org.jspecify.annotations.Nullable;

/**
 * An account a picker offers (such as a team's "add a member"): its username, and the e-mail address its identity
 * provider last asserted, or {@code null} for a portal account (which has none).
 */
public record AccountSuggestion(String username, @Nullable String email) {
}
