package com.mcpportal.portal.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as features see it: the user id (for membership checks) and the platform admin flag, plus the
 * account's credential epoch at sign-in, which ends the session once the password changes.
 * Obtain it with {@link CurrentUser#get()} or {@code @AuthenticationPrincipal}. Someone signed in with an identity
 * provider is an {@link OidcPortalUser}, which is this and Spring's {@code OidcUser} at once.
 */
public class PortalUserPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 2L;

    private final long id;
    private final String username;
    private String passwordHash;
    private final boolean admin;
    private final boolean enabled;
    private final long credentialEpoch;

    PortalUserPrincipal(long id, String username, String passwordHash, boolean admin, boolean enabled,
                        long credentialEpoch) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.enabled = enabled;
        this.credentialEpoch = credentialEpoch;
    }

    /** For tests and background work that act as a known user whose password never changed. */
    public static PortalUserPrincipal of(long id, String username, boolean admin) {
        return of(id, username, admin, 0);
    }

    /** For requests that act as a known user (an access token's, a test's) with the account's current epoch. */
    public static PortalUserPrincipal of(long id, String username, boolean admin, long credentialEpoch) {
        return new PortalUserPrincipal(id, username, null, admin, true, credentialEpoch);
    }

    /** The same user after their password changed in this session, which carries on under the new epoch. */
    PortalUserPrincipal withCredentialEpoch(long epoch) {
        return new PortalUserPrincipal(id, username, null, admin, enabled, epoch);
    }

    public long id() {
        return id;
    }

    /** The account's credential epoch when this user signed in (see {@code UserAccount#getCredentialEpoch()}). */
    public long credentialEpoch() {
        return credentialEpoch;
    }

    /** Whether the user holds the platform role ADMIN (sees and manages every team). */
    public boolean admin() {
        return admin;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return admin ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "PortalUserPrincipal[" + id + ", " + username + (admin ? ", admin]" : "]");
    }
}
