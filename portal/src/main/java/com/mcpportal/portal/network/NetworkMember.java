package com.mcpportal.portal.network;

import java.util.Objects;

import com.mcpportal.portal.schedule.Schedule;

/**
 * One environment of a shared network as the union schedule sees it: its schedule (windows, exceptions, a manual
 * start or stop as the schedule's override) and whether its service runs now, desired or not (a stop still in
 * progress, a start the reconciler has not caught up with): the NAT is never stopped under a running service.
 */
public record NetworkMember(long environmentId, Schedule schedule, boolean runningNow) {

    public NetworkMember {
        Objects.requireNonNull(schedule, "schedule");
    }
}
