package com.mcpportal.portal.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The password change form; the service checks the current password and the password rules. */
record PasswordChangeForm(
        @NotBlank(message = "Enter your current password.") @Size(max = 200) String currentPassword,
        @NotBlank(message = "Enter a new password.") @Size(max = 200, message = "That is far too long.") String newPassword,
        @NotBlank(message = "Repeat the new password.") @Size(max = 200) String confirmPassword) {

    static PasswordChangeForm empty() {
        return new PasswordChangeForm("", "", "");
    }
}
