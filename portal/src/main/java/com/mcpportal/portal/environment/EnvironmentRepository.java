package com.mcpportal.portal.environment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored environments. */
public interface EnvironmentRepository extends JpaRepository<Environment, Long> {

    Optional<Environment> findByIdAndTeamId(long id, long teamId);

    List<Environment> findByTeamIdAndStateNotOrderByNameAsc(long teamId, EnvironmentState state);

    List<Environment> findByTeamIdAndStateNotAndIdGreaterThanOrderByIdAsc(long teamId, EnvironmentState state,
            long afterId, Limit limit);

    List<Environment> findByStateOrderByIdAsc(EnvironmentState state);

    boolean existsByTeamIdAndNameIgnoreCaseAndStateNot(long teamId, String name, EnvironmentState state);

    boolean existsByTeamIdAndNameIgnoreCaseAndStateNotAndIdNot(long teamId, String name, EnvironmentState state,
            long id);

    /** Locks the row: operation requests and edits of one environment are decided one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Environment e where e.id = :id")
    Optional<Environment> findByIdForUpdate(@Param("id") long id);

    long countByCloudAccountId(long cloudAccountId);

    long countByCloudAccountIdAndStateNot(long cloudAccountId, EnvironmentState state);

    @Query("""
            select new com.mcpportal.portal.environment.EnvironmentPlacement(e.cloudAccountId, e.region,
                   e.natInstanceType)
            from Environment e where e.state <> :deleted order by e.id""")
    List<EnvironmentPlacement> placements(@Param("deleted") EnvironmentState deleted);

    @Query("select distinct e.teamId from Environment e where e.state <> :deleted order by e.teamId")
    List<Long> teamsWithEnvironmentsNotIn(@Param("deleted") EnvironmentState deleted);

    @Query("select e.id from Environment e where e.state in :states order by e.id")
    List<Long> findIdsByStateIn(@Param("states") Collection<EnvironmentState> states);

    @Query("select e.id from Environment e where e.teamId = :teamId and e.state in :states order by e.id")
    List<Long> findIdsByTeamIdAndStateIn(@Param("teamId") long teamId,
            @Param("states") Collection<EnvironmentState> states);

    @Query(value = "select exists (select 1 from operation where environment_id = :id and state in ('QUEUED', 'RUNNING'))",
            nativeQuery = true)
    boolean hasOperationInFlight(@Param("id") long id);
}
