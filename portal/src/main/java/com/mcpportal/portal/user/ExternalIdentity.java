package com.mcpportal.portal.user;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** An account's link to a person at an OpenID Connect provider: the provider's issuer and its subject for them. */
@Entity
@Table(name = "user_external_identity")
class ExternalIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @SuppressWarnings("NullAway.Init") // JPA assigns it when the identity is first saved
    private Long id;

    private long userId;

    private String provider;

    private String issuer;

    private String subject;

    private @Nullable String email;

    private Instant linkedAt;

    private Instant lastSignInAt;

    protected ExternalIdentity() {
    }

    ExternalIdentity(long userId, ExternalSignIn signIn, Instant now) {
        this.userId = userId;
        this.provider = signIn.provider();
        this.issuer = signIn.issuer();
        this.subject = signIn.subject();
        this.email = signIn.email();
        this.linkedAt = now;
        this.lastSignInAt = now;
    }

    long getUserId() {
        return userId;
    }

    /** The provider may have changed the address; the link stays with the subject. */
    void signedIn(ExternalSignIn signIn, Instant now) {
        this.email = signIn.email();
        this.provider = signIn.provider();
        this.lastSignInAt = now;
    }
}
