package com.mcpportal.portal.cost.budget;

import java.util.Locale;

import com.mcpportal.portal.environment.EnvironmentChanged;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.operation.OperationFinished;
import com.mcpportal.portal.environment.operation.OperationKind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Checks a team's budget again once a change that moves its estimate has committed: settings or schedule
 * ({@link EnvironmentChanged}), or an environment provisioned or deprovisioned (drafts are not billed). A failed
 * check is logged and never undoes the change; the daily check catches up.
 */
@Component
class BudgetTriggers {

    private static final Logger log = LoggerFactory.getLogger(BudgetTriggers.class);

    private final TeamBudgets budgets;
    private final EnvironmentService environments;

    BudgetTriggers(TeamBudgets budgets, EnvironmentService environments) {
        this.budgets = budgets;
        this.environments = environments;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void environmentChanged(EnvironmentChanged event) {
        check(event.environmentId(), () -> budgets.evaluate(event.teamId(),
                "environment " + event.environmentId() + " " + event.what()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void operationFinished(OperationFinished event) {
        if (event.succeeded() && (event.kind() == OperationKind.PROVISION || event.kind() == OperationKind.DEPROVISION)) {
            check(event.environmentId(), () -> budgets.evaluate(environments.get(event.environmentId()).getTeamId(),
                    "environment " + event.environmentId() + " " + event.kind().name().toLowerCase(Locale.ROOT)));
        }
    }

    private static void check(long environmentId, Runnable evaluation) {
        try {
            evaluation.run();
        } catch (RuntimeException e) {
            log.warn("Budget check after a change of environment {} failed: {}", environmentId, e.toString());
        }
    }
}
