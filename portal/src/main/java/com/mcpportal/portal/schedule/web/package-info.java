/**
 * The schedule pages and API: controllers, forms, request and response JSON, the week grid, presets and the viewer
 * time zone. Internal to the schedule feature: they call {@link com.mcpportal.portal.schedule.ScheduleService} and the
 * store, never Quartz.
 */
package com.mcpportal.portal.schedule.web;
