package com.mcpportal.portal.cloud;

/**
 * An environment service's autoscaling as the cloud holds it: the capacity range it may scale in (a minimum of 0 while
 * the environment is off), the CPU target of its policy (null: no policy), and whether scaling is suspended (off: it
 * must not start tasks of its own).
 */
public record AutoscalingState(int minCapacity, int maxCapacity, Integer cpuTargetPercent, boolean suspended) {
}
