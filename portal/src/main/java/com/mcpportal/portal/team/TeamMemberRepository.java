package com.mcpportal.portal.team;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Team memberships. */
interface TeamMemberRepository extends JpaRepository<TeamMember, Long> {

    @Query("select m from TeamMember m join fetch m.user where m.teamId = :teamId order by m.user.username")
    List<TeamMember> findMembers(@Param("teamId") long teamId);

    @Query("select m from TeamMember m join fetch m.user where m.teamId = :teamId and m.user.id = :userId")
    Optional<TeamMember> findMember(@Param("teamId") long teamId, @Param("userId") long userId);

    @Query("select m.role from TeamMember m where m.teamId = :teamId and m.user.id = :userId")
    Optional<TeamRole> findRole(@Param("teamId") long teamId, @Param("userId") long userId);

    long countByTeamIdAndRole(long teamId, TeamRole role);

    /** Every membership of one user, manual and from groups, for a sign-in to bring in line with the groups. */
    @Query("select m from TeamMember m join fetch m.user where m.user.id = :userId")
    List<TeamMember> findByUser(@Param("userId") long userId);

    /** The memberships one mapping granted. */
    @Query("select m from TeamMember m join fetch m.user where m.teamId = :teamId and m.sourceProvider = :provider"
            + " and m.sourceGroup = :group")
    List<TeamMember> findGrantedBy(@Param("teamId") long teamId, @Param("provider") String provider,
                                   @Param("group") String group);
}
