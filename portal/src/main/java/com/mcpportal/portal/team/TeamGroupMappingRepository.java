package com.mcpportal.portal.team;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Group mappings, by team for its settings page and by provider for a sign-in. */
interface TeamGroupMappingRepository extends JpaRepository<TeamGroupMapping, Long> {

    List<TeamGroupMapping> findByTeamIdOrderByProviderAscGroupNameAsc(long teamId);

    List<TeamGroupMapping> findByProvider(String provider);

    boolean existsByTeamIdAndProviderAndGroupName(long teamId, String provider, String groupName);
}
