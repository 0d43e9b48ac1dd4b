/**
 * On/off schedules of environments and teams: {@link com.mcpportal.portal.schedule.ScheduleEvaluator} decides the
 * desired power at an instant, Quartz edge triggers and a periodic reconcile pass act on it
 * ({@code portal.schedules.*}, see {@code ScheduleSettings}). Others read schedules through its public services.
 */
package com.mcpportal.portal.schedule;
