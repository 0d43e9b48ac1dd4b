package com.mcpportal.portal.cost;

import com.mcpportal.portal.cost.budget.TeamBudgets;
import com.mcpportal.portal.isolation.TenantFixture;
import com.mcpportal.portal.isolation.TenantFixtureResult;
import com.mcpportal.portal.isolation.VictimTeam;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cost routes ({@code /teams/{teamId}/costs}, its budget form, {@code .../environments/{environmentId}/costs})
 * use path variables other fixtures fill; this one gives the victim team a budget, whose odd amount must never show
 * to the attacker and which a missing owner check on the budget form would change (or remove).
 */
public class CostTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        // An amount no other team has: 4,000.98 plus the team id.
        BigDecimal budget = new BigDecimal("4000.98").add(BigDecimal.valueOf(victim.teamId()));
        context.getBean(TeamBudgets.class).setBudget(victim.teamId(), budget);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return new TenantFixtureResult(Map.of(), Set.of(String.format(Locale.US, "%,.2f", budget),
                budget.toPlainString()),
                () -> List.of(jdbc.queryForList("SELECT monthly_usd, over_budget, updated_by FROM team_budget"
                        + " WHERE team_id = ?", victim.teamId())));
    }
}
