package com.mcpportal.portal.user;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored links of accounts to OpenID Connect providers. */
interface ExternalIdentityRepository extends JpaRepository<ExternalIdentity, Long> {

    Optional<ExternalIdentity> findByIssuerAndSubject(String issuer, String subject);
}
