package com.mcpportal.portal.cost.budget;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A team's monthly budget and the state of its last check.
 *
 * @param overBudget      whether the last check found the estimate above the budget
 * @param lastEstimateUsd the team total at the last check, or null before the first
 */
public record TeamBudget(long teamId, BigDecimal monthlyUsd, boolean overBudget, @Nullable BigDecimal lastEstimateUsd,
        @Nullable Instant lastEvaluatedAt, Instant updatedAt, String updatedBy) {
}
