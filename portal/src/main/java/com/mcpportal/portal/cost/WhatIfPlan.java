package com.mcpportal.portal.cost;

import com.mcpportal.portal.schedule.Schedule;

/** A validated what-if: the sizing and schedule to price instead of the environment's own. */
public record WhatIfPlan(EnvironmentSizing sizing, Schedule schedule) {
}
