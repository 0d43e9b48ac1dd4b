package com.mcpportal.portal.team;

import com.mcpportal.portal.web.InvalidInputException;

/** Team name rules: trimmed, inner runs of whitespace collapsed, 2 to 60 characters, no control characters. */
final class TeamNames {

    static final int MAX_LENGTH = 60;

    private TeamNames() {
    }

    static String clean(String name) {
        String cleaned = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (cleaned.length() < 2) {
            throw new InvalidInputException("name", "Enter a team name of at least 2 characters.");
        }
        if (cleaned.length() > MAX_LENGTH) {
            throw new InvalidInputException("name", "Use at most " + MAX_LENGTH + " characters.");
        }
        if (cleaned.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "A team name cannot contain control characters.");
        }
        return cleaned;
    }
}
