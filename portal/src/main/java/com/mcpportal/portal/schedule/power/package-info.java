/**
 * Acting on schedules: the Quartz edge triggers at each on/off transition, the periodic reconcile pass over ready
 * environments (one query, see {@code ReadyEnvironments}), the power decision and the switch that asks the environment
 * feature to start or stop. Internal to the schedule feature.
 */
package com.mcpportal.portal.schedule.power;
