/**
 * On/off schedules of environments and teams: {@link com.mcpportal.portal.schedule.ScheduleEvaluator} decides the
 * desired power at an instant, Quartz edge triggers and a periodic reconcile pass act on it
 * ({@code portal.schedules.*}, see {@code ScheduleSettings}). Others read schedules through its public services.
 * Inside: {@code schedule.web} (pages and API), {@code schedule.store} (entities, repositories and the store that
 * saves and audits a change), {@code schedule.power} (edge triggers, the reconcile pass, the power switch); other
 * features use only this package (ArchitectureTests).
 */
package com.mcpportal.portal.schedule;
