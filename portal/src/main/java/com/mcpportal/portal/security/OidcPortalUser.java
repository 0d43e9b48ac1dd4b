package com.mcpportal.portal.security;

import java.io.Serial;
import java.util.Map;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Someone signed in with an OpenID Connect provider: the portal account they are (so every feature, the session and
 * account checks of {@link ActiveAccountFilter} included, treats them as any signed-in user) and the ID token that
 * proved it.
 */
final class OidcPortalUser extends PortalUserPrincipal implements OidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;

    OidcPortalUser(long id, String username, boolean admin, long credentialEpoch, OidcIdToken idToken,
                   OidcUserInfo userInfo) {
        super(id, username, null, admin, true, credentialEpoch);
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    /** The portal username, as for a local account (audit events and pages name the user by it). */
    @Override
    public String getName() {
        return getUsername();
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }
}
