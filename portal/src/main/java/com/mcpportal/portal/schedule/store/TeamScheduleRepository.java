package com.mcpportal.portal.schedule.store;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored team default schedules. */
public interface TeamScheduleRepository extends JpaRepository<TeamSchedule, Long> {
}
