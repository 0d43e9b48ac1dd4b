package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.cost.pricing.MissingPriceException;
import com.mcpportal.portal.cost.pricing.PriceCatalog;
import com.mcpportal.portal.cost.pricing.PriceStore;
import com.mcpportal.portal.cost.pricing.SpotDiscounts;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.schedule.Schedule;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Monthly estimates of environments: their settings and schedule's next 30 days priced with the cached AWS prices
 * (the bundled snapshot for anything missing), and what-ifs that price other settings without changing anything.
 * Callers check {@code TeamAccess} first; this is the API the pages and the REST API use.
 */
@Service
public class EnvironmentCostService {

    private final EnvironmentService environments;
    private final CloudAccounts accounts;
    private final EnvironmentSchedules schedules;
    private final PriceCatalog catalog;
    private final PriceStore store;
    private final Clock clock;
    /** The network feature's split (it depends on this service for the members' estimates alone, hence lazily). */
    private final ObjectProvider<SharedNetworkCosts> sharedNetworks;

    EnvironmentCostService(EnvironmentService environments, CloudAccounts accounts, EnvironmentSchedules schedules,
            PriceCatalog catalog, PriceStore store, Clock clock, ObjectProvider<SharedNetworkCosts> sharedNetworks) {
        this.sharedNetworks = sharedNetworks;
        this.environments = environments;
        this.accounts = accounts;
        this.schedules = schedules;
        this.catalog = catalog;
        this.store = store;
        this.clock = clock;
    }

    /** The estimate of one environment of the team; a 404 ({@code EnvironmentNotFoundException}) otherwise. */
    public EnvironmentEstimate estimate(long teamId, long environmentId) {
        return estimate(environments.get(teamId, environmentId));
    }

    /**
     * The estimate of an environment with its own settings and schedule; in a shared network, with its part of the
     * network's bill in place of a NAT of its own.
     */
    public EnvironmentEstimate estimate(Environment environment) {
        Schedule schedule = scheduleOf(environment);
        return inNetwork(environment, estimate(environment, Sizings.of(environment.spec()), schedule,
                "the environment's schedule"), schedule);
    }

    /**
     * The estimate of an environment as if it had a network of its own (its NAT, address, root volume and
     * namespace all its own): what a shared network's split starts from.
     */
    public EnvironmentEstimate alone(Environment environment) {
        return estimate(environment, Sizings.of(environment.spec()), scheduleOf(environment), "the environment's schedule");
    }

    /**
     * The estimator on the prices every estimate here uses, for features that price a layout of their own (a shared
     * network's NAT) without reaching into the price catalog.
     */
    public CostEstimator estimator() {
        return new CostEstimator(catalog);
    }

    /**
     * The same environment with other settings and schedule; nothing is stored. In a shared network its part is
     * worked out again with the what-if's schedule (the network's NAT, not the what-if's NAT type, is what it pays).
     */
    public EnvironmentEstimate whatIf(Environment environment, WhatIfPlan plan) {
        return inNetwork(environment, estimate(environment, plan.sizing(), plan.schedule(), "what-if"), plan.schedule());
    }

    private EnvironmentEstimate inNetwork(Environment environment, EnvironmentEstimate alone, Schedule schedule) {
        SharedNetworkCosts networks = sharedNetworks.getIfAvailable();
        if (!alone.priced() || networks == null) {
            return alone;
        }
        return networks.inNetwork(environment, alone.cost(), schedule).map(alone::inNetwork).orElse(alone);
    }

    public Schedule scheduleOf(Environment environment) {
        return schedules.scheduleOf(environment.getId());
    }

    private EnvironmentEstimate estimate(Environment environment, EnvironmentSizing sizing, Schedule schedule,
            String scheduleSource) {
        Instant from = clock.instant();
        Duration on = schedule.hoursOn(from, from.plus(MonthlyHours.SAMPLE));
        ScheduleBasis basis = new ScheduleBasis(ScheduleSummary.describe(schedule, from), scheduleSource, from,
                MonthlyHours.hours(on), MonthlyHours.fromSchedule(schedule, from));
        Optional<PriceStore.SpotQuote> spot = sizing.natSpot() ? liveSpotPrice(environment, sizing) : Optional.empty();
        List<String> assumptions = new ArrayList<>();
        assumptions.add("Hours on: " + basis.displayHoursInNext30Days() + " h in the 30 days from "
                + CostFormat.timeText(from) + " on " + basis.description() + ", scaled to an average month: "
                + basis.displayMonthlyHours() + " h.");
        assumptions.addAll(Sizings.usageAssumptions(sizing));
        assumptions.addAll(spotAssumptions(sizing, spot));
        TaskRange range = environment.autoscaling();
        try {
            CostEstimator estimator = new CostEstimator(catalog);
            Optional<BigDecimal> spotPrice = spot.map(PriceStore.SpotQuote::usdPerHour);
            EnvironmentCost cost = estimator.estimate(environment.getRegion(),
                    range == null ? sizing : Sizings.tasks(sizing, range.minTasks()), basis.monthlyHours(), spotPrice);
            if (range != null) {
                BigDecimal most = estimator.monthly(environment.getRegion(), Sizings.tasks(sizing, range.maxTasks()),
                        basis.monthlyHours(), spotPrice).totalUsd();
                assumptions.add("CPU autoscaling: " + range.minTasks() + "–" + range.maxTasks() + " tasks while on;"
                        + " Fargate is counted for the fewest (" + range.minTasks() + "). With the most ("
                        + range.maxTasks() + ") all the hours on, the month would be " + CostFormat.usdText(most) + ".");
            }
            assumptions.addAll(cost.assumptions());
            return new EnvironmentEstimate(environment.getId(), environment.getTeamId(), environment.getName(),
                    environment.getRegion(), environment.getState(), basis, cost, null, sources(cost), assumptions, null);
        } catch (MissingPriceException missing) {
            return new EnvironmentEstimate(environment.getId(), environment.getTeamId(), environment.getName(),
                    environment.getRegion(), environment.getState(), basis, null, missing.getMessage(), List.of(),
                    assumptions, null);
        }
    }

    /** The spot price the daily refresh read for an AWS account's region; simulated accounts have none. */
    private Optional<PriceStore.SpotQuote> liveSpotPrice(Environment environment, EnvironmentSizing sizing) {
        if (accounts.get(environment.getCloudAccountId()).isSimulated()) {
            return Optional.empty();
        }
        return store.spot(environment.getRegion(), sizing.natInstanceType());
    }

    private static List<String> spotAssumptions(EnvironmentSizing sizing, Optional<PriceStore.SpotQuote> spot) {
        List<String> said = new ArrayList<>();
        if (sizing.natSpot()) {
            said.add(spot.map(quote -> "NAT instance on spot: $" + quote.usdPerHour().stripTrailingZeros()
                            .toPlainString() + "/h from EC2 spot price history (" + quote.instanceType() + " in "
                            + quote.region() + ", read " + CostFormat.timeText(quote.fetchedAt()) + ").")
                    .orElse("NAT instance on spot: no EC2 spot price read for this account and region (simulated"
                            + " account, or not refreshed yet), so " + percent(SpotDiscounts.EC2_SPOT)
                            + " off on-demand is assumed."));
        }
        if (sizing.fargateSpot()) {
            said.add("Fargate Spot: " + percent(SpotDiscounts.FARGATE_SPOT) + " off on-demand is assumed (AWS"
                    + " advertises up to 70%; the Pricing API has no live Fargate Spot price).");
        }
        return said;
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static List<String> sources(EnvironmentCost cost) {
        return List.copyOf(Stream.of(cost.scheduled(), cost.alwaysOn(), cost.nat().natGateway())
                .flatMap(estimate -> estimate.rows().stream())
                .flatMap(row -> row.lines().stream())
                .map(CostLine::provenance)
                .collect(TreeSet::new, TreeSet::add, TreeSet::addAll));
    }
}
