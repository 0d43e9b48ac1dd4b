package com.mcpportal.portal.environment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.environment.EnvironmentEstimates.MonthlyEstimate;
import com.mcpportal.portal.environment.EnvironmentScheduleSummaries.ScheduleSummary;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationView;
import com.mcpportal.portal.environment.traffic.ErrorRateCheck;
import com.mcpportal.portal.team.TeamGrant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The team's home: every environment as a card with what people check first. Reads in batches (one query each for
 * the environments, their latest operations, their error-rate flags and their schedules); only the estimate is
 * asked per environment, as on the environment list.
 */
@Component
class TeamDashboard {

    /** What the empty dashboard teaches, in order, and whether each step is already done. */
    record FirstSteps(boolean hasCloudAccount, boolean canAddAccount, boolean canAddEnvironment, boolean canIssueKey) {
    }

    /** The dashboard of one team: its cards, or the first steps when it has none. */
    record View(TeamGrant team, List<EnvironmentCard> cards, FirstSteps firstSteps) {
    }

    private final EnvironmentService environments;
    private final CloudAccounts accounts;
    private final EnvironmentOperations operations;
    private final ErrorRateCheck errorRate;
    private final ObjectProvider<EnvironmentEstimates> estimates;
    private final ObjectProvider<EnvironmentScheduleSummaries> schedules;
    private final ConsistentReads consistent;
    private final Clock clock;

    TeamDashboard(EnvironmentService environments, CloudAccounts accounts, EnvironmentOperations operations,
            ErrorRateCheck errorRate, ObjectProvider<EnvironmentEstimates> estimates,
            ObjectProvider<EnvironmentScheduleSummaries> schedules, ConsistentReads consistent, Clock clock) {
        this.consistent = consistent;
        this.environments = environments;
        this.accounts = accounts;
        this.operations = operations;
        this.errorRate = errorRate;
        this.estimates = estimates;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** The team's environments and their latest operations, read in one snapshot so each card agrees with itself. */
    private record Found(List<Environment> environments, Map<Long, OperationView> latest) {
    }

    View of(TeamGrant team, boolean admin) {
        Found read = consistent.of(() -> {
            List<Environment> all = environments.listForTeam(team.teamId());
            return new Found(all, operations.latestOf(all.stream().map(Environment::getId).toList()));
        });
        List<Environment> found = read.environments();
        List<CloudAccount> allAccounts = accounts.all();
        FirstSteps steps = new FirstSteps(!allAccounts.isEmpty(), admin, team.canOperate() && !team.archived(),
                team.canManage() && !team.archived());
        if (found.isEmpty()) {
            return new View(team, List.of(), steps);
        }
        List<Long> ids = found.stream().map(Environment::getId).toList();
        Map<Long, OperationView> latest = read.latest();
        Set<Long> flagged = errorRate.flagged(ids);
        EnvironmentScheduleSummaries summaries = schedules.getIfAvailable();
        Map<Long, ScheduleSummary> plans = summaries == null ? Map.of() : summaries.summariesOf(team.teamId(), found);
        Map<Long, String> accountNames = allAccounts.stream()
                .collect(Collectors.toMap(CloudAccount::getId, CloudAccount::getName, (a, b) -> a));
        EnvironmentEstimates costs = estimates.getIfAvailable();
        Instant now = clock.instant();
        List<EnvironmentCard> cards = found.stream().map(e -> {
            MonthlyEstimate estimate = costs == null ? null : costs.monthly(e).orElse(null);
            BigDecimal soFar = estimate == null || !e.getState().hasCloudResources() ? null
                    : soFar(estimate.usd(), monthGone(now, e.getCreatedAt()));
            return new EnvironmentCard(e, accountNames.get(e.getCloudAccountId()), latest.get(e.getId()),
                    plans.get(e.getId()), estimate, soFar, flagged.contains(e.getId()));
        }).toList();
        return new View(team, cards, steps);
    }

    /**
     * The share of the current calendar month (UTC) gone since the environment was created (or since the month began,
     * if later), 0 to 1.
     */
    static double monthGone(Instant now, Instant createdAt) {
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant from = createdAt != null && createdAt.isAfter(start) ? createdAt : start;
        return Math.max(0, (double) Duration.between(from, now).toSeconds())
                / Duration.between(start, end).toSeconds();
    }

    /**
     * The month so far on the estimate's terms: the monthly figure times the share of the month gone. An estimate,
     * not the bill (the portal does not read AWS billing); the page says so.
     */
    static BigDecimal soFar(BigDecimal monthlyUsd, double monthGone) {
        return monthlyUsd.multiply(BigDecimal.valueOf(monthGone)).setScale(2, RoundingMode.HALF_UP);
    }
}
