package com.mcpportal.portal.apikey;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Publication state per environment. */
interface KeySetPublicationRepository extends JpaRepository<KeySetPublication, Long> {

    List<KeySetPublication> findByEnvironmentIdIn(Collection<Long> environmentIds);
}
