package com.mcpportal.portal.team;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored teams. */
interface TeamRepository extends JpaRepository<Team, Long> {

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, long id);

    /** Locks the team row so membership changes (the last-owner rule) are decided one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Team t where t.id = :id")
    Optional<Team> findByIdForUpdate(@Param("id") long id);

    @Query("""
            select new com.mcpportal.portal.team.TeamSummary(t.id, t.name, m.role, case when t.archivedAt is null then false else true end)
            from TeamMember m, Team t where t.id = m.teamId and m.user.id = :userId order by lower(t.name)""")
    List<TeamSummary> findSummariesForMember(@Param("userId") long userId);

    @Query("""
            select new com.mcpportal.portal.team.TeamSummary(t.id, t.name, m.role, case when t.archivedAt is null then false else true end)
            from Team t left join TeamMember m on m.teamId = t.id and m.user.id = :userId order by lower(t.name)""")
    List<TeamSummary> findSummariesForAdmin(@Param("userId") long userId);

    /** One keyset page of the user's teams by id, after {@code afterId}. */
    @Query("""
            select new com.mcpportal.portal.team.TeamSummary(t.id, t.name, m.role, case when t.archivedAt is null then false else true end)
            from TeamMember m, Team t where t.id = m.teamId and m.user.id = :userId and t.id > :afterId order by t.id""")
    List<TeamSummary> findSummariesForMemberAfter(@Param("userId") long userId, @Param("afterId") long afterId,
            Limit limit);

    /** One keyset page of every team by id (a platform admin's view), with the admin's own role where a member. */
    @Query("""
            select new com.mcpportal.portal.team.TeamSummary(t.id, t.name, m.role, case when t.archivedAt is null then false else true end)
            from Team t left join TeamMember m on m.teamId = t.id and m.user.id = :userId where t.id > :afterId
            order by t.id""")
    List<TeamSummary> findSummariesForAdminAfter(@Param("userId") long userId, @Param("afterId") long afterId,
            Limit limit);
}
