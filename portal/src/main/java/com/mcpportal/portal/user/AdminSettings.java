package com.mcpportal.portal.user;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * First-start settings ({@code portal.admin.*}).
 *
 * @param password     password for the {@code admin} account created on an empty database
 *                     ({@code PORTAL_ADMIN_PASSWORD}); it must be changed at the first sign-in, and well-known
 *                     passwords and placeholders are refused. Without it a strong one-time password is generated
 *                     into {@code passwordFile}
 * @param passwordFile where a generated one-time password is written, readable by the portal's user only
 *                     ({@code PORTAL_ADMIN_PASSWORD_FILE}); the log names the file, never the password
 */
@ConfigurationProperties("portal.admin")
public record AdminSettings(String password,
                            @DefaultValue("data/initial-admin-password") Path passwordFile) {
}
