package com.mcpportal.portal.cloud;

/** The IAM roles every environment's task uses in one cloud account: execution role and task role. */
public record AccountRoles(String executionRoleArn, String taskRoleArn) {
}
