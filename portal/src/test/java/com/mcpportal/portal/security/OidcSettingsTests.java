package com.mcpportal.portal.security;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code portal.oidc.*} as an operator writes it, in properties or environment variables, bound as the portal does. */
class OidcSettingsTests {

    @Test
    void withNothingConfiguredThereIsNoProvider() {
        assertThat(bind(Map.of()).providers()).isEmpty();
    }

    @Test
    void aProviderNeedsOnlyItsIssuerAndClientIdTheRestHasDefaults() {
        OidcSettings settings = bind(Map.of(
                "portal.oidc.providers.entra.issuer-uri", "https://login.microsoftonline.com/tenant-id/v2.0",
                "portal.oidc.providers.entra.client-id", "portal-app"));

        OidcSettings.Provider entra = settings.providers().get("entra");
        assertThat(entra.issuerUri()).isEqualTo(URI.create("https://login.microsoftonline.com/tenant-id/v2.0"));
        assertThat(entra.scopes()).containsExactly("openid", "profile", "email");
        assertThat(entra.usernameClaim()).isEqualTo("preferred_username");
        assertThat(entra.groupsClaim()).isEqualTo("groups");
        assertThat(entra.confidential()).isFalse();
        assertThat(entra.labelOr("entra")).isEqualTo("entra");
    }

    @Test
    void environmentVariablesConfigureAProviderToo() {
        SystemEnvironmentPropertySource variables = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "PORTAL_OIDC_PROVIDERS_GOOGLE_ISSUERURI", "https://accounts.google.com",
                        "PORTAL_OIDC_PROVIDERS_GOOGLE_CLIENTID", "123.apps.googleusercontent.com",
                        "PORTAL_OIDC_PROVIDERS_GOOGLE_CLIENTSECRET", "google-secret",
                        "PORTAL_OIDC_PROVIDERS_GOOGLE_USERNAMECLAIM", "email",
                        "PORTAL_OIDC_PROVIDERS_GOOGLE_LABEL", "Google"));

        OidcSettings.Provider google = new Binder(ConfigurationPropertySources.from(variables))
                .bindOrCreate("portal.oidc", Bindable.of(OidcSettings.class)).providers().get("google");

        assertThat(google.clientId()).isEqualTo("123.apps.googleusercontent.com");
        assertThat(google.usernameClaim()).isEqualTo("email");
        assertThat(google.confidential()).isTrue();
        assertThat(google.labelOr("google")).isEqualTo("Google");
    }

    @Test
    void theSecretNeverAppearsInTheSettingsText() {
        OidcSettings settings = bind(Map.of("portal.oidc.providers.keycloak.issuer-uri", "https://kc/realms/acme",
                "portal.oidc.providers.keycloak.client-id", "portal",
                "portal.oidc.providers.keycloak.client-secret", "very-secret-value"));

        assertThat(settings.toString()).doesNotContain("very-secret-value").contains("clientSecret=(set)");
    }

    @Test
    void aProviderWithoutIssuerOrClientIdOrOpenidScopeOrWithABadIdIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("portal.oidc.providers.entra.client-id", "portal")))
                .rootCause().hasMessageContaining("portal.oidc.providers.entra.issuer-uri is required");
        assertThatThrownBy(() -> bind(Map.of("portal.oidc.providers.entra.issuer-uri", "https://idp")))
                .rootCause().hasMessageContaining("portal.oidc.providers.entra.client-id is required");
        assertThatThrownBy(() -> bind(Map.of("portal.oidc.providers.entra.issuer-uri", "https://idp",
                "portal.oidc.providers.entra.client-id", "portal", "portal.oidc.providers.entra.scopes", "profile")))
                .rootCause().hasMessageContaining("scopes must include openid");
        assertThatThrownBy(() -> bind(Map.of("portal.oidc.providers.[Entra ID].issuer-uri", "https://idp",
                "portal.oidc.providers.[Entra ID].client-id", "portal")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("lower-case");
    }

    private static OidcSettings bind(Map<String, Object> properties) {
        return new Binder(ConfigurationPropertySources.from(new MapPropertySource("test", properties)))
                .bindOrCreate("portal.oidc", Bindable.of(OidcSettings.class));
    }
}
