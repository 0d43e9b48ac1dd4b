package com.mcpportal.portal.environment;

import java.math.BigDecimal;

import com.mcpportal.portal.environment.EnvironmentEstimates.MonthlyEstimate;
import com.mcpportal.portal.environment.EnvironmentScheduleSummaries.ScheduleSummary;
import com.mcpportal.portal.environment.operation.OperationKind;
import com.mcpportal.portal.environment.operation.OperationView;

/**
 * One environment on the team dashboard, with the actions that make sense in its state.
 *
 * @param latest    its latest operation (in flight or finished), or null before the first
 * @param schedule  its schedule's summary (the next change), or null without the schedule feature
 * @param estimate  the monthly estimate, or null when the region is not priced
 * @param soFarUsd  the estimate's share of the month gone, or null with no estimate or no cloud resources (a draft)
 */
record EnvironmentCard(Environment environment, String accountName, OperationView latest, ScheduleSummary schedule,
        MonthlyEstimate estimate, BigDecimal soFarUsd, boolean errorRateFlagged) {

    public boolean busy() {
        return latest != null && latest.inFlight();
    }

    /**
     * Until when the power holds: "until the schedule stops it Mon 20:00 CET, in 3 h" when the next change flips
     * it, else "the schedule next starts it …" (e.g. after a manual stop inside a window); null with no change coming.
     */
    public String untilWhen() {
        if (environment.getPower() == null || schedule == null || schedule.next() == null) {
            return null;
        }
        String next = schedule.next();
        boolean flips = next.startsWith(environment.getPower() == EnvironmentPower.ON ? "stops" : "starts");
        String it = next.replaceFirst("^(starts|stops) ", "$1 it ");
        return (flips ? "until the schedule " : "the schedule next ") + it;
    }

    public String mcpUrl() {
        return environment.resources().mcpUrl();
    }

    /** "Start succeeded", "Provision failed", "Stop running". */
    public String latestOutcome() {
        if (latest == null) {
            return null;
        }
        return latest.kind().label() + " " + switch (latest.state()) {
            case QUEUED -> "queued";
            case RUNNING -> "running";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
        };
    }

    public boolean canProvision() {
        return !busy() && environment.getState() == EnvironmentState.DRAFT;
    }

    /** A failed environment whose latest operation failed resumes it at the failed step. */
    public boolean canRetry() {
        return latest != null && latest.retryableOn(environment.getState());
    }

    public boolean canStart() {
        return !busy() && OperationKind.START.allowedFrom(environment.getState())
                && environment.getPower() == EnvironmentPower.OFF;
    }

    public boolean canStop() {
        return !busy() && OperationKind.STOP.allowedFrom(environment.getState())
                && environment.getPower() == EnvironmentPower.ON;
    }
}
