package com.mcpportal.portal.apikey.web;

import com.mcpportal.portal.apikey.GracePeriod;
import com.mcpportal.portal.apikey.KeyRotation;
import com.mcpportal.portal.apikey.RotationPolicy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The rotation policy form: roll keys every {@code everyDays}, the old key valid for {@code grace}. */
record RotationPolicyForm(
        @NotNull(message = "Enter a number of days.") @Min(value = 1, message = "At least 1 day.")
        @Max(value = KeyRotation.MAX_EVERY_DAYS, message = "At most 365 days.") Integer everyDays,
        @NotNull(message = "Choose a grace period.") GracePeriod grace) {

    static RotationPolicyForm of(RotationPolicy policy) {
        return policy == null ? new RotationPolicyForm(30, GracePeriod.ONE_DAY)
                : new RotationPolicyForm(policy.getEveryDays(), policy.getGrace());
    }
}
