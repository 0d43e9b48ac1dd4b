package com.mcpportal.portal.security;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator adds, changes and deletes a sign-in provider on the admin pages, and people sign in with it at
 * once; its client secret is sealed at rest and never shown or audited.
 */
class AdminSignInProvidersIntegrationTests extends OidcProviderSupport {

    private static final String SECRET = "partners-client-secret-7f3a9c";

    @AfterEach
    void removeStoredProviders() {
        jdbc.update("DELETE FROM oidc_provider");
    }

    @Test
    void anAddedProviderSignsPeopleInAtOnceWithItsSecretSealed() throws Exception {
        HttpClient admin = admin();

        HttpResponse<String> added = postForm(admin, "/admin/sign-in-providers/new", "/admin/sign-in-providers",
                partners(Map.of()));

        assertThat(added.uri().getPath()).isEqualTo("/admin/sign-in-providers");
        assertThat(added.body()).contains("Added the provider partners", "Partner SSO", "added here",
                "/login/oauth2/code/partners", "Sign-in providers", "configuration");
        String sealed = jdbc.queryForObject("SELECT client_secret_sealed FROM oidc_provider WHERE id = 'partners'",
                String.class);
        assertThat(sealed).isNotBlank().doesNotContain(SECRET);
        assertThat(browser().send(get("/login"), HttpResponse.BodyHandlers.ofString()).body())
                .contains("Sign in with Partner SSO", "href=\"/oauth2/authorization/partners\"");

        String subject = TestData.unique("partner-subject");
        String username = TestData.unique("nora");
        HttpResponse<String> signedIn = signInAs("partners", subject, Map.of("preferred_username", username));

        assertThat(signedIn.uri().getPath()).isEqualTo("/teams");
        assertThat(linkedAccount("partners", subject)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT details::text FROM audit_event WHERE action = 'oidc-provider.created'"
                + " AND target_id = 'partners' ORDER BY id DESC LIMIT 1", String.class))
                .contains("\"secret\": \"set\"").doesNotContain(SECRET);
    }

    @Test
    void aRefusedEditSaysWhyBesideTheFieldKeepsTheSecretAndNeverEchoesIt() throws Exception {
        HttpClient admin = admin();
        postForm(admin, "/admin/sign-in-providers/new", "/admin/sign-in-providers", partners(Map.of()));
        String sealed = jdbc.queryForObject("SELECT client_secret_sealed FROM oidc_provider WHERE id = 'partners'",
                String.class);

        HttpResponse<String> refused = postForm(admin, "/admin/sign-in-providers/partners",
                "/admin/sign-in-providers/partners", partners(Map.of("issuerUri", "not a url",
                        "clientSecret", "a-new-secret-typed-here", "scopes", "profile email")));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Enter an absolute http(s) URL", "The scopes must include openid",
                "A secret is stored (sealed, never shown)").doesNotContain("a-new-secret-typed-here", SECRET);

        HttpResponse<String> saved = postForm(admin, "/admin/sign-in-providers/partners",
                "/admin/sign-in-providers/partners", partners(Map.of("clientSecret", "", "label", "Partners")));

        assertThat(saved.body()).contains("Saved the provider partners");
        assertThat(jdbc.queryForObject("SELECT client_secret_sealed FROM oidc_provider WHERE id = 'partners'",
                String.class)).as("a blank secret keeps the stored one").isEqualTo(sealed);
        assertThat(jdbc.queryForObject("SELECT label FROM oidc_provider WHERE id = 'partners'", String.class))
                .isEqualTo("Partners");
    }

    @Test
    void aDeletedProviderLosesItsButtonAndAConfiguredOneCannotBeEditedHere() throws Exception {
        HttpClient admin = admin();
        postForm(admin, "/admin/sign-in-providers/new", "/admin/sign-in-providers", partners(Map.of()));

        HttpResponse<String> deleted = postForm(admin, "/admin/sign-in-providers/partners",
                "/admin/sign-in-providers/partners/delete", Map.of());

        assertThat(deleted.body()).contains("Deleted the provider partners");
        assertThat(browser().send(get("/login"), HttpResponse.BodyHandlers.ofString()).body())
                .doesNotContain("Partner SSO").contains("Sign in with Staff SSO");
        assertThat(admin.send(get("/admin/sign-in-providers/staff"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("configured in portal.oidc.providers, changed there").isEqualTo(404);
        HttpResponse<String> taken = postForm(admin, "/admin/sign-in-providers/new", "/admin/sign-in-providers",
                partners(Map.of("id", "staff")));
        assertThat(taken.body()).contains("A provider with the id staff exists already.");
    }

    private HttpClient admin() throws Exception {
        HttpClient admin = browser();
        signInWithPassword(admin, "admin", TestData.ADMIN_PASSWORD);
        return admin;
    }

    private Map<String, String> partners(Map<String, String> changes) {
        Map<String, String> form = new HashMap<>(Map.of("id", "partners", "label", "Partner SSO",
                "issuerUri", PROVIDER.issuerUrl("partners").toString(), "clientId", "portal-partners",
                "clientSecret", SECRET, "scopes", "openid profile email", "usernameClaim", "preferred_username",
                "groupsClaim", "groups", "adminGroup", ""));
        form.putAll(changes);
        return form;
    }
}
