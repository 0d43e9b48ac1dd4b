package com.mcpportal.portal.environment.operation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stored operations with their steps. */
interface OperationRepository extends JpaRepository<Operation, Long> {

    Optional<Operation> findFirstByEnvironmentIdAndStateIn(long environmentId, Collection<OperationState> states);

    Optional<Operation> findFirstByEnvironmentIdOrderByIdDesc(long environmentId);

    List<Operation> findByEnvironmentIdOrderByIdDesc(long environmentId, Pageable page);

    List<Operation> findByStateInOrderByIdAsc(Collection<OperationState> states);
}
