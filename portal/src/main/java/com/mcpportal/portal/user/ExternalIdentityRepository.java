package com.mcpportal.portal.user;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored links of accounts to OpenID Connect providers. */
interface ExternalIdentityRepository extends JpaRepository<ExternalIdentity, Long> {

    Optional<ExternalIdentity> findByIssuerAndSubject(String issuer, String subject);

    /** The latest sign-in with any provider the account is linked to; empty for a local account. */
    @Query("select max(i.lastSignInAt) from ExternalIdentity i where i.userId = :userId")
    Optional<Instant> findLastSignIn(@Param("userId") long userId);
}
