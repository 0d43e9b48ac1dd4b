/**
 * Costs: honest monthly estimates of environments from AWS list prices, per component, on each environment's
 * schedule, with what-ifs, team and portal totals, and team budgets.
 *
 * <h2>Prices</h2>
 * {@link com.mcpportal.portal.cost.pricing.PriceCatalog} answers every estimate: the database cache of AWS Pricing API
 * prices first ({@code price}, filled by {@link com.mcpportal.portal.cost.pricing.PriceRefresh}), the bundled snapshot
 * ({@code cost/price-snapshot.json}) for anything missing. Each cost line names its price's source and date. The
 * daily Quartz job ({@code portal.pricing.refresh-cron}, default 03:17 UTC; clustered, so one instance runs it)
 * reads every region an AWS-mode cloud account uses with that account's credentials, plus EC2 spot prices of the
 * NAT instance types; a failure keeps the previous prices and is audited ({@code cost.prices.refresh-failed},
 * actor system) and logged. Simulated accounts and {@code portal.pricing.offline=true} never call AWS.
 *
 * <h2>Configuration: {@code portal.pricing.*}</h2>
 * {@code region} (signing region of the Pricing API, default us-east-1), {@code endpoint-override} (an emulator;
 * else {@code portal.aws.endpoints.pricing}, else {@code portal.aws.endpoint-override}), {@code refresh-cron}
 * (Quartz cron, UTC), {@code offline} (true: snapshot only).
 *
 * <h2>API for other features</h2>
 * Callers check {@code TeamAccess} first.
 * <ul>
 * <li>{@link com.mcpportal.portal.cost.EnvironmentCostService#estimate(long, long)} (team id, environment id) gives an
 *     {@link com.mcpportal.portal.cost.EnvironmentEstimate}: schedule basis (hours in the next 30 days, per average
 *     month), the {@link com.mcpportal.portal.cost.EnvironmentCost} (rows per component, 24/7, NAT gateway
 *     comparison) or the missing price, price sources and assumptions. 404 for another team's environment. An
 *     environment in a shared network is priced there ({@link com.mcpportal.portal.cost.SharedNetworkCosts}, the
 *     network feature's split): its own rows plus its part of the network's; {@code alone} prices it with a network
 *     of its own.</li>
 * <li>{@link com.mcpportal.portal.cost.TeamCostService#team(long)} gives a
 *     {@link com.mcpportal.portal.cost.TeamCostReport}: every environment's estimate, the billed total (provisioned
 *     environments), 24/7 total, totals per component; {@code portal()} the same for every team (admins).</li>
 * </ul>
 *
 * <h2>Inside</h2>
 * {@code cost.web} holds the pages and the API, {@code cost.pricing} the price catalog and its daily refresh,
 * {@code cost.budget} team budgets (set on the team cost page, checked by the feature itself when a budget, an
 * environment, its schedule or the prices change). Other features use only this package (ArchitectureTests).
 *
 * <h2>Schedules</h2>
 * Estimates read schedules through {@link com.mcpportal.portal.cost.EnvironmentSchedules}, implemented by
 * {@link com.mcpportal.portal.cost.StoredEnvironmentSchedules} with the schedule feature's
 * {@code ScheduleService.scheduleOf(environmentId)} (the environment's own schedule, or its team's default). The
 * schedule feature publishes {@code environment.EnvironmentChanged(teamId, environmentId, "schedule")} in the
 * transaction that saves a schedule, so the team's budget is checked again after commit.
 */
package com.mcpportal.portal.cost;
