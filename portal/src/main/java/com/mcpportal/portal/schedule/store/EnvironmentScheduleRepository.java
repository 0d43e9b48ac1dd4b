package com.mcpportal.portal.schedule.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored environment schedules. */
public interface EnvironmentScheduleRepository extends JpaRepository<EnvironmentSchedule, Long> {

    /** Locks the row: two edits of one schedule are decided one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from EnvironmentSchedule s where s.environmentId = :id")
    Optional<EnvironmentSchedule> findByIdForUpdate(@Param("id") long environmentId);

    List<EnvironmentSchedule> findByEnvironmentIdIn(Collection<Long> environmentIds);
}
