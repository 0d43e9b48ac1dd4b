package com.mcpportal.portal.cloud.account;

/**
 * What an administrator sets on a cloud account; blank optional values are stored as null.
 *
 * @param roleArn          the role to assume with STS (AWS mode), or null for the portal's own credentials chain
 * @param externalId       the external id the role's trust policy requires, only with a role
 * @param executionRoleArn the ECS task execution role to use; with {@code taskRoleArn}, or both null to let the
 *                         portal create them once per account
 */
public record CloudAccountSettings(String name, CloudAccountMode mode, String defaultRegion, String roleArn,
        String externalId, String executionRoleArn, String taskRoleArn) {

    public CloudAccountSettings {
        name = trimToNull(name);
        defaultRegion = trimToNull(defaultRegion);
        roleArn = trimToNull(roleArn);
        externalId = trimToNull(externalId);
        executionRoleArn = trimToNull(executionRoleArn);
        taskRoleArn = trimToNull(taskRoleArn);
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
