package com.mcpportal.portal.cloud.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The cloud account form; format rules that need more than one field live in {@link CloudAccounts#validate}. */
record CloudAccountForm(
        @NotBlank(message = "Enter a name.") @Size(max = 60, message = "Use at most 60 characters.") String name,
        @NotNull(message = "Choose AWS or Simulated.") CloudAccountMode mode,
        @NotBlank(message = "Choose a default region.") @Size(max = 30, message = "That is not a region code.")
        String defaultRegion,
        @Size(max = 2048, message = "A role ARN has at most 2048 characters.") String roleArn,
        @Size(max = 1224, message = "An external id has at most 1224 characters.") String externalId,
        @Size(max = 2048, message = "A role ARN has at most 2048 characters.") String executionRoleArn,
        @Size(max = 2048, message = "A role ARN has at most 2048 characters.") String taskRoleArn) {

    static CloudAccountForm empty() {
        return new CloudAccountForm("", CloudAccountMode.AWS, "eu-central-1", "", "", "", "");
    }

    static CloudAccountForm of(CloudAccount account) {
        CloudAccountSettings s = account.settings();
        return new CloudAccountForm(s.name(), s.mode(), s.defaultRegion(), blank(s.roleArn()), blank(s.externalId()),
                blank(s.executionRoleArn()), blank(s.taskRoleArn()));
    }

    CloudAccountSettings settings() {
        return new CloudAccountSettings(name, mode, defaultRegion, roleArn, externalId, executionRoleArn, taskRoleArn);
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
