package com.mcpportal.portal.apikey;

import java.time.Duration;
import java.util.Set;

/**
 * What an owner asks for when issuing a key.
 *
 * @param name            a label for people (1–60 characters)
 * @param lifetime        how long the key is valid from now; {@code null} for no expiry (only when the admin
 *                        allows it: {@code portal.keys.max-lifetime=0})
 * @param allEnvironments valid in every environment of the team, present and future
 * @param environmentIds  otherwise, the team's environments it is valid in (at least one)
 * @param requestToken    optional one-time token of the form that asked: the same token never issues twice
 */
public record IssueKeyCommand(String name, Duration lifetime, boolean allEnvironments, Set<Long> environmentIds,
        String requestToken) {

    public IssueKeyCommand {
        environmentIds = environmentIds == null ? Set.of() : Set.copyOf(environmentIds);
    }
}
