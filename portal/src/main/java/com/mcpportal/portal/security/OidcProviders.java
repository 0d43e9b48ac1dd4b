package com.mcpportal.portal.security;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.secret.SecretCipher;
import com.mcpportal.portal.web.InvalidInputException;
import com.mcpportal.portal.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity providers people may sign in with: those in the configuration ({@link OidcSettings}, for GitOps
 * installs; read-only here) and those an administrator added on the admin pages, stored with the client secret sealed
 * under {@code PORTAL_SECRET_KEY}. Read from the database at each use (a handful of rows, read at sign-ins and on the
 * login page), so every portal instance sees an administrator's change at once.
 */
@Service
public class OidcProviders {

    private final OidcSettings configured;
    private final StoredOidcProviderRepository stored;
    private final SecretCipher cipher;
    private final AuditLog auditLog;
    private final Clock clock;

    OidcProviders(OidcSettings configured, StoredOidcProviderRepository stored, SecretCipher cipher,
                  AuditLog auditLog, Clock clock) {
        this.configured = configured;
        this.stored = stored;
        this.cipher = cipher;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Every provider by id, the configured ones winning over a stored one of the same id. */
    @Transactional(readOnly = true)
    public Map<String, OidcSettings.Provider> all() {
        Map<String, OidcSettings.Provider> providers = new TreeMap<>();
        stored.findAll().forEach(provider -> providers.put(provider.getId(), unsealed(provider)));
        providers.putAll(configured.providers());
        return providers;
    }

    /** Each provider's id and button label, ordered by id. */
    public Map<String, String> labels() {
        Map<String, String> labels = new TreeMap<>();
        all().forEach((id, provider) -> labels.put(id, provider.labelOr(id)));
        return labels;
    }

    Optional<OidcSettings.Provider> find(String id) {
        return Optional.ofNullable(all().get(id));
    }

    /** Whether the provider comes from the configuration, where it is changed; the admin pages only show it. */
    boolean configured(String id) {
        return configured.providers().containsKey(id);
    }

    /** A stored provider as its admin form shows it: never its secret, only whether there is one. */
    @Transactional(readOnly = true)
    Optional<StoredOidcProvider> stored(String id) {
        return stored.findById(id);
    }

    @Transactional
    void create(OidcProviderForm form) {
        if (configured(form.id()) || stored.existsById(form.id())) {
            throw new InvalidInputException("id", "A provider with the id " + form.id() + " exists already.");
        }
        StoredOidcProvider provider = new StoredOidcProvider(form.id(), clock.instant());
        save(provider, form);
        auditLog.record(described(AuditEntry.success("oidc-provider.created"), provider)
                .detail("secret", form.newSecret() ? "set" : "none"));
    }

    @Transactional
    void update(String id, OidcProviderForm form) {
        StoredOidcProvider provider = stored.findById(id)
                .orElseThrow(() -> new NotFoundException("No such provider"));
        save(provider, form);
        auditLog.record(described(AuditEntry.success("oidc-provider.updated"), provider)
                .detail("secret", form.newSecret() ? "replaced" : form.removeStoredSecret() ? "removed" : "kept"));
    }

    @Transactional
    void delete(String id) {
        StoredOidcProvider provider = stored.findById(id)
                .orElseThrow(() -> new NotFoundException("No such provider"));
        stored.delete(provider);
        auditLog.record(described(AuditEntry.success("oidc-provider.deleted"), provider));
    }

    private void save(StoredOidcProvider provider, OidcProviderForm form) {
        try {
            if (!URI.create(form.issuerUri().strip()).isAbsolute()) {
                throw new IllegalArgumentException("relative");
            }
        }
        catch (IllegalArgumentException notAUri) {
            throw new InvalidInputException("issuerUri", "Enter an absolute http(s) URL, the issuer as the provider"
                    + " publishes it.");
        }
        provider.describe(form, clock.instant());
        if (form.newSecret()) {
            provider.sealSecret(cipher.encrypt(form.clientSecret().strip(), context(provider.getId())));
        }
        else if (form.removeStoredSecret()) {
            provider.sealSecret(null);
        }
        stored.save(provider);
    }

    private static AuditEntry described(AuditEntry entry, StoredOidcProvider provider) {
        return entry.target("oidc-provider", provider.getId()).detail("id", provider.getId())
                .detail("issuer", provider.getIssuerUri()).detail("clientId", provider.getClientId());
    }

    private OidcSettings.Provider unsealed(StoredOidcProvider provider) {
        String secret = provider.getClientSecretSealed() == null ? null
                : cipher.decrypt(provider.getClientSecretSealed(), context(provider.getId()));
        List<String> scopes = Arrays.asList(provider.getScopes().split(" "));
        return new OidcSettings.Provider(URI.create(provider.getIssuerUri()), provider.getClientId(), secret, scopes,
                provider.getUsernameClaim(), provider.getGroupsClaim(), provider.getLabel(),
                provider.getAdminGroup());
    }

    /** The secret is bound to its provider: a sealed value copied to another row does not open. */
    private static String context(String id) {
        return "oidc-provider:" + id;
    }
}
