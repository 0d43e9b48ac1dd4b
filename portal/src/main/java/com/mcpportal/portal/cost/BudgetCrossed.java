package com.mcpportal.portal.cost;

import java.math.BigDecimal;

/**
 * Published when a team's estimated monthly bill crosses its budget, up ({@code over}) or back down, inside the
 * transaction that records the crossing (once per crossing, as its audit event). Listen with
 * {@code @TransactionalEventListener} to act with it or after it committed (notifications do).
 *
 * @param estimateUsd the month's estimate (the forecast) at the check
 * @param trigger     what made the portal check, e.g. "budget set" or "environment 7 provision"
 */
public record BudgetCrossed(long teamId, boolean over, BigDecimal estimateUsd, BigDecimal budgetUsd, String trigger) {
}
