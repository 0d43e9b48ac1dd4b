package com.mcpportal.portal.cloud;

/**
 * CPU autoscaling of an environment's service while it is on: between {@code minTasks} and {@code maxTasks} tasks,
 * adding tasks when the service's average CPU is above {@code cpuTargetPercent} and removing them when below (target
 * tracking on {@code ECSServiceAverageCPUUtilization} on AWS). Off, the service runs none.
 */
public record TaskRange(int minTasks, int maxTasks, int cpuTargetPercent) {

    /** Fargate tasks per environment the portal lets a team ask for. */
    public static final int MAX_TASKS = 10;

    public TaskRange {
        if (minTasks < 1 || maxTasks < minTasks || maxTasks > MAX_TASKS) {
            throw new IllegalArgumentException("Tasks while on: from 1 to " + MAX_TASKS + ", the minimum no more than"
                    + " the maximum; not " + minTasks + ".." + maxTasks);
        }
        if (cpuTargetPercent < 10 || cpuTargetPercent > 90) {
            throw new IllegalArgumentException("The CPU target is a percentage from 10 to 90, not " + cpuTargetPercent);
        }
    }
}
