package com.mcpportal.portal.apikey.keyset;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Publication state per environment. */
public interface KeySetPublicationRepository extends JpaRepository<KeySetPublication, Long> {

    List<KeySetPublication> findByEnvironmentIdIn(Collection<Long> environmentIds);
}
