package com.mcpportal.portal.security;

import org.springframework.data.jpa.repository.JpaRepository;

/** Identity providers added on the admin pages. */
interface StoredOidcProviderRepository extends JpaRepository<StoredOidcProvider, String> {
}
