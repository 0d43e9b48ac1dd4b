package com.mcpportal.portal.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * The configured providers as Spring Security's client registrations, each read from its issuer's discovery document
 * at its first use and kept. Lazily, so the portal starts (and local accounts work) while a provider is unreachable;
 * a failed read is not kept, and the next sign-in tries again.
 */
@Component
class OidcClientRegistrations implements ClientRegistrationRepository {

    private final OidcSettings settings;
    private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

    OidcClientRegistrations(OidcSettings settings) {
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        OidcSettings.Provider provider = settings.providers().get(registrationId);
        return provider == null ? null : discovered.computeIfAbsent(registrationId, id -> discover(id, provider));
    }

    /** Whether any provider is configured (sign-in with a provider is switched on). */
    boolean any() {
        return !settings.providers().isEmpty();
    }

    private static ClientRegistration discover(String id, OidcSettings.Provider provider) {
        ClientRegistration.Builder registration = ClientRegistrations
                .fromIssuerLocation(provider.issuerUri().toString())
                .registrationId(id)
                .clientName(provider.labelOr(id))
                .clientId(provider.clientId())
                .scope(provider.scopes());
        if (provider.confidential()) {
            registration.clientSecret(provider.clientSecret());
        }
        else {
            registration.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return registration.build();
    }
}
