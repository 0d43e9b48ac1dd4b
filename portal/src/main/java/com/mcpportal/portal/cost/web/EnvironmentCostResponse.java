package com.mcpportal.portal.cost.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.mcpportal.portal.cost.CostEstimate;
import com.mcpportal.portal.cost.CostRow;
import com.mcpportal.portal.cost.EnvironmentCost;
import com.mcpportal.portal.cost.EnvironmentEstimate;
import com.mcpportal.portal.cost.ScheduleBasis;
import com.mcpportal.portal.cost.pricing.PriceRefreshRun;
import com.mcpportal.portal.cost.pricing.PriceStatus;

/**
 * An environment's monthly estimate in the REST API. Money: every amount is USD ({@code currency}), written as a
 * JSON string holding the exact decimal ({@code "2.6449644375"}), never a float, so the rows add up to the total to
 * the last digit; round to cents for display. Quantities and unit prices are exact decimal strings too.
 *
 * @param priced       false when a price is missing for the region or NAT type: then {@code problem} says which,
 *                     and the money fields are null
 * @param monthlyUsd   the total on the environment's schedule: the sum of {@code scheduled.rows[].monthlyUsd}
 * @param alwaysOnUsd  the same environment run 24/7
 * @param scheduled    per-component rows on the schedule
 * @param alwaysOn     the same rows 24/7
 * @param natGateway   the NAT instance's rows against a NAT gateway run all month, and what the instance saves
 * @param schedule     the hours the estimate counts and where they come from
 * @param priceSources the distinct sources (and dates) of the prices used
 * @param prices       which prices estimates use right now: cached Pricing API prices, the bundled snapshot's date
 * @param assumptions  everything the figure assumes, in words
 */
record EnvironmentCostResponse(long environmentId, long teamId, String environmentName, String region, String state,
                               String currency, boolean priced, String problem, String monthlyUsd, String alwaysOnUsd,
                               Estimate scheduled, Estimate alwaysOn, NatGateway natGateway, Basis schedule,
                               List<String> priceSources, Prices prices, List<String> assumptions) {

    static final String USD = "USD";

    /** Rows and their total, for {@code monthlyHoursOn} hours a month. */
    record Estimate(String monthlyHoursOn, String totalUsd, List<Row> rows) {

        static Estimate of(CostEstimate estimate) {
            return new Estimate(exact(estimate.monthlyHoursOn()), exact(estimate.totalUsd()),
                    estimate.rows().stream().map(Row::of).toList());
        }
    }

    /** One component: its monthly cost and the working (quantity × unit price per line). */
    record Row(String component, String label, String monthlyUsd, List<Line> lines) {

        static Row of(CostRow row) {
            return new Row(row.component().name(), row.component().label(), exact(row.monthlyUsd()),
                    row.lines().stream().map(line -> new Line(line.what(), exact(line.quantity()), line.unit(),
                            exact(line.usdPerUnit()), exact(line.amount()), line.provenance())).toList());
        }
    }

    /** quantity × usdPerUnit = amountUsd, with the price's source and date. */
    record Line(String what, String quantity, String unit, String usdPerUnit, String amountUsd, String priceSource) {
    }

    /** The NAT instance against a NAT gateway; {@code monthlySavingUsd} is gateway minus instance. */
    record NatGateway(Estimate natInstance, Estimate natGateway, String monthlySavingUsd) {
    }

    /**
     * The schedule basis: hours on in the 30 days from {@code from}, scaled to an average month (730.485 h).
     *
     * @param source "the environment's schedule" or "what-if"
     */
    record Basis(String description, String source, Instant from, String hoursInNext30Days, String monthlyHours) {
    }

    /** The price line every cost page shows. */
    record Prices(int storedPricingApiPrices, LocalDate snapshotDate, Instant lastRefreshAt, String lastRefreshOutcome,
                  String lastRefreshMessage) {

        static Prices of(PriceStatus status) {
            PriceRefreshRun last = status.lastRefresh();
            return new Prices(status.storedPrices(), status.snapshotDate(), last == null ? null : last.finishedAt(),
                    last == null ? null : last.outcome().name(), last == null ? null : last.message());
        }
    }

    static EnvironmentCostResponse of(EnvironmentEstimate estimate, PriceStatus prices) {
        EnvironmentCost cost = estimate.cost();
        ScheduleBasis basis = estimate.schedule();
        return new EnvironmentCostResponse(estimate.environmentId(), estimate.teamId(), estimate.environmentName(),
                estimate.region(), estimate.state().name(), USD, estimate.priced(), estimate.problem(),
                cost == null ? null : exact(cost.scheduled().totalUsd()),
                cost == null ? null : exact(cost.alwaysOn().totalUsd()),
                cost == null ? null : Estimate.of(cost.scheduled()),
                cost == null ? null : Estimate.of(cost.alwaysOn()),
                cost == null ? null : new NatGateway(Estimate.of(cost.nat().natInstance()),
                        Estimate.of(cost.nat().natGateway()), exact(cost.nat().monthlySavingUsd())),
                new Basis(basis.description(), basis.source(), basis.from(), exact(basis.hoursInNext30Days()),
                        exact(basis.monthlyHours())),
                estimate.priceSources(), Prices.of(prices), estimate.assumptions());
    }

    /** The exact decimal as plain text, without trailing zeros ("2.5", "0"); null stays null. */
    static String exact(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
