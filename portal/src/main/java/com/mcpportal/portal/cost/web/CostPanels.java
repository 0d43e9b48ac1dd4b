package com.mcpportal.portal.cost.web;

import com.mcpportal.portal.cost.budget.TeamBudget;
import com.mcpportal.portal.cost.budget.TeamBudgets;
import com.mcpportal.portal.cost.pricing.DatabasePriceCatalog;
import com.mcpportal.portal.cost.pricing.PriceRefreshLog;
import com.mcpportal.portal.cost.pricing.PriceStatus;
import com.mcpportal.portal.cost.pricing.SnapshotPriceCatalog;

import org.springframework.stereotype.Component;

/**
 * What other features' pages show of costs, read from their templates: {@code ${@costPanels.budget(team.teamId)}}
 * on the team page (which has passed {@code TeamAccess}), so the team feature does not depend on this one.
 */
@Component("costPanels")
public class CostPanels {

    private final TeamBudgets budgets;
    private final DatabasePriceCatalog cache;
    private final SnapshotPriceCatalog snapshot;
    private final PriceRefreshLog refreshes;

    CostPanels(TeamBudgets budgets, DatabasePriceCatalog cache, SnapshotPriceCatalog snapshot,
            PriceRefreshLog refreshes) {
        this.budgets = budgets;
        this.cache = cache;
        this.snapshot = snapshot;
        this.refreshes = refreshes;
    }

    /** The team's budget and its last check, or null when it has none. */
    public TeamBudget budget(long teamId) {
        return budgets.budgetOf(teamId).orElse(null);
    }

    public PriceStatus priceStatus() {
        return new PriceStatus(cache.size(), snapshot.asOf(), refreshes.latest().orElse(null));
    }
}
