package com.mcpportal.portal.cost;

import com.mcpportal.portal.isolation.TenantFixture;
import com.mcpportal.portal.isolation.TenantFixtureResult;
import com.mcpportal.portal.isolation.VictimTeam;
import java.math.BigDecimal;
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
        context.getBean(TeamBudgets.class).setBudget(victim.teamId(), new BigDecimal("4321.98"));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return new TenantFixtureResult(Map.of(), Set.of("4,321.98", "4321.98"),
                () -> List.of(jdbc.queryForList("SELECT monthly_usd, over_budget, updated_by FROM team_budget"
                        + " WHERE team_id = ?", victim.teamId())));
    }
}
