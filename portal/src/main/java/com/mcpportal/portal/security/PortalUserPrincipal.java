package com.mcpportal.portal.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as features see it: the user id (for membership checks) and the platform admin flag.
 * Obtain it with {@link CurrentUser#get()} or {@code @AuthenticationPrincipal}.
 */
public final class PortalUserPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private String passwordHash;
    private final boolean admin;
    private final boolean enabled;

    PortalUserPrincipal(long id, String username, String passwordHash, boolean admin, boolean enabled) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.enabled = enabled;
    }

    /** For tests and background work that act as a known user. */
    public static PortalUserPrincipal of(long id, String username, boolean admin) {
        return new PortalUserPrincipal(id, username, null, admin, true);
    }

    public long id() {
        return id;
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
