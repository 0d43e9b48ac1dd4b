package com.mcpportal.portal.cloud;

/** Where a secret is stored (an SSM SecureString parameter): its name and ARN, never its value. */
public record SecretRef(String name, String arn) {
}
