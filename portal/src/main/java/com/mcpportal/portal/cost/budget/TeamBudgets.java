package com.mcpportal.portal.cost.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Optional;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cost.BudgetCrossed;
import com.mcpportal.portal.cost.TeamCostService;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.web.InvalidInputException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monthly budgets per team and the alert when the team's estimate crosses one. The last check's state is stored,
 * so crossing the budget (up, and back down) is audited once, however often the team is looked at or checked.
 * Checks run when the budget changes, when an environment or its schedule changes, and after the daily price refresh.
 * A crossing is also published as {@link BudgetCrossed} (notifications send it).
 */
@Service
public class TeamBudgets {

    static final BigDecimal MAXIMUM = new BigDecimal("1000000");

    private static final Logger log = LoggerFactory.getLogger(TeamBudgets.class);

    private final TeamBudgetStore store;
    private final TeamCostService costs;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    TeamBudgets(TeamBudgetStore store, TeamCostService costs, AuditLog auditLog, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.costs = costs;
        this.auditLog = auditLog;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public Optional<TeamBudget> budgetOf(long teamId) {
        return transaction.execute(status -> store.find(teamId));
    }

    /**
     * Sets the team's budget in USD per month (null removes it), audited, then checks the team against it. The
     * caller has checked that the signed-in user owns the team.
     */
    public Optional<TeamBudget> setBudget(long teamId, BigDecimal monthlyUsd) {
        validate(monthlyUsd);
        String by = CurrentUser.name();
        transaction.executeWithoutResult(status -> {
            Optional<TeamBudget> before = store.find(teamId);
            if (monthlyUsd == null) {
                if (store.delete(teamId)) {
                    auditLog.record(AuditEntry.success("cost.budget.removed").team(teamId).target("team", teamId)
                            .detail("before", before.get().monthlyUsd()));
                }
                return;
            }
            store.save(teamId, monthlyUsd, clock.instant(), by);
            auditLog.record(AuditEntry.success("cost.budget.set").team(teamId).target("team", teamId)
                    .detail("before", before.map(TeamBudget::monthlyUsd).orElse(null)).detail("after", monthlyUsd));
        });
        return monthlyUsd == null ? Optional.empty() : evaluate(teamId, "budget set");
    }

    /**
     * Compares the team's estimate with its budget in a transaction of its own (so listeners may call it after
     * another transaction committed); audits a crossing in either direction. Empty when the team has no budget.
     */
    public Optional<TeamBudget> evaluate(long teamId, String trigger) {
        return ownTransaction.execute(status -> {
            Optional<TeamBudget> locked = store.lock(teamId);
            if (locked.isEmpty()) {
                return Optional.<TeamBudget>empty();
            }
            TeamBudget budget = locked.get();
            BigDecimal estimate = costs.team(teamId).totalUsd().setScale(2, RoundingMode.HALF_UP);
            boolean over = estimate.compareTo(budget.monthlyUsd()) > 0;
            if (over != budget.overBudget()) {
                auditLog.record(AuditEntry.success(over ? "cost.budget.exceeded" : "cost.budget.back-within")
                        .actor(AuditEntry.SYSTEM).team(teamId).target("team", teamId)
                        .detail("estimateUsd", estimate).detail("budgetUsd", budget.monthlyUsd())
                        .detail("trigger", trigger));
                events.publishEvent(new BudgetCrossed(teamId, over, estimate, budget.monthlyUsd(), trigger));
                log.info("Team {} is {} its monthly budget of ${}: estimate ${} ({})", teamId,
                        over ? "over" : "back within", budget.monthlyUsd(), estimate, trigger);
            }
            store.recordCheck(teamId, over, estimate, clock.instant());
            return store.find(teamId);
        });
    }

    /** Checks every team that has a budget; one team's failure does not stop the others. */
    public void evaluateAll(String trigger) {
        for (Long teamId : transaction.execute(status -> store.teamsWithBudgets())) {
            try {
                evaluate(teamId, trigger);
            } catch (RuntimeException e) {
                log.warn("Budget check of team {} failed ({}): {}", teamId, trigger, e.toString());
            }
        }
    }

    private static void validate(BigDecimal monthlyUsd) {
        if (monthlyUsd == null) {
            return;
        }
        if (monthlyUsd.signum() <= 0) {
            throw new InvalidInputException("monthlyBudget", "Enter a budget above $0, or leave it empty for none.");
        }
        if (monthlyUsd.compareTo(MAXIMUM) > 0) {
            throw new InvalidInputException("monthlyBudget", "Enter at most $1,000,000 a month.");
        }
        if (monthlyUsd.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("monthlyBudget", "Enter dollars and cents, e.g. 25 or 25.50.");
        }
    }
}
