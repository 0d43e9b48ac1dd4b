package com.mcpportal.portal.cloud;

/**
 * Where a secret is stored (an SSM SecureString parameter): its name and, when the cloud said it, its ARN (null:
 * refer to it by name); never its value.
 */
public record SecretRef(String name, String arn) {
}
