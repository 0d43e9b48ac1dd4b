/**
 * Schedules as stored: the JPA entities of environment and team schedules, their repositories and
 * {@link com.mcpportal.portal.schedule.store.ScheduleStore}, which saves and audits a change. Internal to the schedule
 * feature: other features read schedules through {@link com.mcpportal.portal.schedule.ScheduleService}.
 */
package com.mcpportal.portal.schedule.store;
