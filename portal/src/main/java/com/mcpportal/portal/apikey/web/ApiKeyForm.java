package com.mcpportal.portal.apikey.web;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.IssueKeyCommand;
import com.mcpportal.portal.web.InvalidInputException;

/**
 * The issue form.
 *
 * @param lifetime       days until the key expires ({@code "90"}), or {@code "never"}
 * @param scope          {@code all} or {@code selected}
 * @param environmentIds the chosen environments when {@code scope} is {@code selected}
 * @param requestToken   one-time token: submitting the same form twice issues one key
 */
record ApiKeyForm(
        @NotBlank(message = "Enter a name, e.g. the client or person that uses the key.")
        @Size(max = ApiKeyService.MAX_NAME, message = "Use at most 60 characters.") String name,
        @NotBlank(message = "Choose when the key expires.") String lifetime,
        @NotBlank(message = "Choose where the key works.") String scope,
        List<Long> environmentIds,
        @Size(max = 64) String requestToken) {

    static final String NEVER = "never";
    static final String ALL = "all";
    static final String SELECTED = "selected";

    static ApiKeyForm defaults(Duration defaultLifetime) {
        return new ApiKeyForm("", Long.toString(defaultLifetime.toDays()), ALL, List.of(),
                UUID.randomUUID().toString());
    }

    IssueKeyCommand command() {
        Duration duration;
        if (NEVER.equals(lifetime)) {
            duration = null;
        } else if (lifetime != null && lifetime.matches("\\d{1,5}")) {
            duration = Duration.ofDays(Long.parseLong(lifetime));
        } else {
            throw new InvalidInputException("lifetime", "Choose when the key expires.");
        }
        if (!ALL.equals(scope) && !SELECTED.equals(scope)) {
            throw new InvalidInputException("scope", "Choose where the key works.");
        }
        return new IssueKeyCommand(name, duration, ALL.equals(scope),
                environmentIds == null ? null : new LinkedHashSet<>(environmentIds),
                requestToken == null || requestToken.isBlank() ? null : requestToken);
    }

    /** For the form's checkboxes. */
    public boolean chosen(Long environmentId) {
        return environmentIds != null && environmentIds.contains(environmentId);
    }
}
