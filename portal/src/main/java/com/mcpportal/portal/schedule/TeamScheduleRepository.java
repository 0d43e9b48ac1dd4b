package com.mcpportal.portal.schedule;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored team default schedules. */
interface TeamScheduleRepository extends JpaRepository<TeamSchedule, Long> {
}
