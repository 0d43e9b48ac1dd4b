package com.mcpportal.portal.user;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/** A person who signs in to the portal. Team roles live with the teams; only the platform admin flag is here. */
@Entity
@Table(name = "users")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @SuppressWarnings("NullAway.Init") // JPA assigns it when the account is first saved
    private Long id;

    private String username;

    /** Null for an account a sign-in provider created: it signs in there, never with a password. */
    private @Nullable String passwordHash;

    private boolean admin;

    private boolean enabled;

    private boolean mustChangePassword;

    private Instant createdAt;

    private Instant passwordChangedAt;

    private long credentialEpoch;

    /** Where the portal writes to this person (the team owners' notifications); null: none given. */
    private @Nullable String email;

    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String username, @Nullable String passwordHash, boolean admin, boolean mustChangePassword,
            Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.enabled = true;
        this.mustChangePassword = mustChangePassword;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public @Nullable String getPasswordHash() {
        return passwordHash;
    }

    public boolean isAdmin() {
        return admin;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    /**
     * How many times the password was changed or reset: a session signed in under an older epoch has ended (see
     * {@code security.ActiveAccountFilter}).
     */
    public long getCredentialEpoch() {
        return credentialEpoch;
    }

    /** The address the person gave on their account page, or null. */
    public @Nullable String getEmail() {
        return email;
    }

    void setEmail(@Nullable String email) {
        this.email = email;
    }

    void changePassword(String newHash, boolean mustChangeNext, Instant now) {
        this.passwordHash = newHash;
        this.mustChangePassword = mustChangeNext;
        this.passwordChangedAt = now;
        this.credentialEpoch++;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Grants or takes away the platform administrator flag (an identity provider's administrator group does this).
     * Taking it away ends the account's other sessions, which were signed in as an administrator.
     */
    void setAdmin(boolean admin) {
        if (this.admin && !admin) {
            this.credentialEpoch++;
        }
        this.admin = admin;
    }
}
