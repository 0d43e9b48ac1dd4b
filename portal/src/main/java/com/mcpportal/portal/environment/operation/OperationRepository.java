package com.mcpportal.portal.environment.operation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored operations with their steps. */
interface OperationRepository extends JpaRepository<Operation, Long> {

    Optional<Operation> findFirstByEnvironmentIdAndStateIn(long environmentId, Collection<OperationState> states);

    Optional<Operation> findFirstByEnvironmentIdOrderByIdDesc(long environmentId);

    List<Operation> findByEnvironmentIdOrderByIdDesc(long environmentId, Pageable page);

    /** The latest operation of each of these environments, with its steps, in one query. */
    @Query("""
            select distinct o from Operation o left join fetch o.steps
            where o.id in (select max(x.id) from Operation x where x.environmentId in :environmentIds
                           group by x.environmentId)""")
    List<Operation> findLatestOf(Collection<Long> environmentIds);

    List<Operation> findByStateInOrderByIdAsc(Collection<OperationState> states);
}
