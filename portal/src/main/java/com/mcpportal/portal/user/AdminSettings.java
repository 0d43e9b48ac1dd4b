package com.mcpportal.portal.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First-start settings.
 *
 * @param password password for the {@code admin} account created on an empty database
 *                 ({@code PORTAL_ADMIN_PASSWORD}); without it a strong one is generated and logged once
 */
@ConfigurationProperties("portal.admin")
public record AdminSettings(String password) {
}
