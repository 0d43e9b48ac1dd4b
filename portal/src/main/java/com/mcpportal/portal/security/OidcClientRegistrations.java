package com.mcpportal.portal.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * The providers ({@link OidcProviders}) as Spring Security's client registrations, each read from its issuer's
 * discovery document at its first use and kept while the provider stays as it was (an administrator's edit is read
 * again). Lazily, so the portal starts (and local accounts work) while a provider is unreachable; a failed read is
 * not kept, and the next sign-in tries again.
 */
@Component
class OidcClientRegistrations implements ClientRegistrationRepository {

    private final OidcProviders providers;
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

    OidcClientRegistrations(OidcProviders providers) {
        this.providers = providers;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        OidcSettings.Provider provider = providers.find(registrationId).orElse(null);
        if (provider == null) {
            discovered.remove(registrationId);
            return null;
        }
        return discovered.compute(registrationId, (id, known) -> known != null && known.provider().equals(provider)
                ? known : new Discovered(provider, discover(id, provider))).registration();
    }

    /** Whether a provider of this id exists now (configured, or added by an administrator). */
    boolean knows(String registrationId) {
        return providers.find(registrationId).isPresent();
    }

    /** A registration and the provider settings it was made from. */
    private record Discovered(OidcSettings.Provider provider, ClientRegistration registration) {
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
