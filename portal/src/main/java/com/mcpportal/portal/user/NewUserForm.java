package com.mcpportal.portal.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters to create an account. */
record NewUserForm(
        @NotBlank(message = "Enter a username.")
        @Size(max = 50, message = "Use at most 50 characters.")
        @Pattern(regexp = Usernames.PATTERN + "|\\s*",
                message = "Use 3 to 50 letters, digits, dots, dashes or underscores.") String username,
        Boolean admin) {

    static NewUserForm empty() {
        return new NewUserForm("", false);
    }

    /** An unchecked checkbox sends nothing at all, so absent means "no". */
    boolean platformAdmin() {
        return Boolean.TRUE.equals(admin);
    }
}
