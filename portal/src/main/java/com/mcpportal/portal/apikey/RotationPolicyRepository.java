package com.mcpportal.portal.apikey;

import org.springframework.data.jpa.repository.JpaRepository;

/** Teams' rotation policies. */
public interface RotationPolicyRepository extends JpaRepository<RotationPolicy, Long> {
}
