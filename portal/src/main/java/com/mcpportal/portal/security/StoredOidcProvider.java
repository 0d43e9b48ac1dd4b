package com.mcpportal.portal.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An identity provider an administrator added on the admin pages; its client secret is sealed, never plain. */
@Entity
@Table(name = "oidc_provider")
class StoredOidcProvider {

    @Id
    private String id;

    private String issuerUri;

    private String clientId;

    private String clientSecretSealed;

    private String scopes;

    private String usernameClaim;

    private String groupsClaim;

    private String label;

    private String adminGroup;

    private Instant createdAt;

    private Instant updatedAt;

    protected StoredOidcProvider() {
    }

    StoredOidcProvider(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
    }

    /** Everything but the secret, which {@link #sealSecret} sets only when a new one was typed. */
    void describe(OidcProviderForm form, Instant now) {
        this.issuerUri = form.issuerUri().strip();
        this.clientId = form.clientId().strip();
        this.scopes = String.join(" ", form.scopeList());
        this.usernameClaim = form.usernameClaim().strip();
        this.groupsClaim = form.groupsClaim().strip();
        this.label = blankToNull(form.label());
        this.adminGroup = blankToNull(form.adminGroup());
        this.updatedAt = now;
    }

    void sealSecret(String sealed) {
        this.clientSecretSealed = sealed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    String getId() {
        return id;
    }

    String getIssuerUri() {
        return issuerUri;
    }

    String getClientId() {
        return clientId;
    }

    String getClientSecretSealed() {
        return clientSecretSealed;
    }

    String getScopes() {
        return scopes;
    }

    String getUsernameClaim() {
        return usernameClaim;
    }

    String getGroupsClaim() {
        return groupsClaim;
    }

    String getLabel() {
        return label;
    }

    String getAdminGroup() {
        return adminGroup;
    }
}
