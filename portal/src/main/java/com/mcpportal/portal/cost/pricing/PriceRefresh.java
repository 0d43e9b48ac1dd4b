package com.mcpportal.portal.cost.pricing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cloud.account.CloudAccountMode;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudPrices;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.cloud.account.CloudProviders;
import com.mcpportal.portal.cost.pricing.PriceRefreshRun.Outcome;
import com.mcpportal.portal.environment.EnvironmentPlacement;
import com.mcpportal.portal.environment.EnvironmentQueries;
import com.mcpportal.portal.environment.EnvironmentSpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads current prices from the AWS Pricing API into the price cache, for every region an AWS-mode cloud account
 * uses (its environments' regions and its default region), with that account's credentials; and the latest EC2
 * spot prices of the NAT instance types there. A region is stored whole or not at all, so a failure keeps the
 * previous prices; every run is recorded, audited (actor system) and, when something failed, logged. Simulated
 * accounts and {@code portal.pricing.offline=true} never call AWS: estimates then use the bundled snapshot.
 */
@Service
public class PriceRefresh {

    private static final Logger log = LoggerFactory.getLogger(PriceRefresh.class);

    private final PricingSettings settings;
    private final CloudProviders providers;
    private final CloudAccounts accounts;
    private final EnvironmentQueries environments;
    private final PriceStore store;
    private final DatabasePriceCatalog cache;
    private final SnapshotPriceCatalog snapshot;
    private final PriceRefreshLog runs;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PriceRefresh(PricingSettings settings, CloudProviders providers, CloudAccounts accounts, EnvironmentQueries environments,
            PriceStore store, DatabasePriceCatalog cache, SnapshotPriceCatalog snapshot, PriceRefreshLog runs,
            AuditLog auditLog, TransactionTemplate transactions, Clock clock) {
        this.settings = settings;
        this.providers = providers;
        this.accounts = accounts;
        this.environments = environments;
        this.store = store;
        this.cache = cache;
        this.snapshot = snapshot;
        this.runs = runs;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one region needs: the AWS accounts that may read its prices (first that works wins) and the NAT types. */
    private record RegionPlan(List<CloudAccount> accounts, Set<String> instanceTypes) {
    }

    /**
     * Refreshes every region in use. Never throws: failures are recorded, audited and logged.
     *
     * @param trigger "daily", or who asked ("admin alice")
     */
    public PriceRefreshRun refresh(String trigger) {
        Instant started = clock.instant();
        if (settings.offline()) {
            return finish(started, trigger, Outcome.SKIPPED, List.of(), 0, "portal.pricing.offline is set: AWS was"
                    + " not called; estimates use the " + snapshot.describe() + ".");
        }
        Map<String, RegionPlan> plan = plan();
        if (plan.isEmpty()) {
            return finish(started, trigger, Outcome.SKIPPED, List.of(), 0, "No AWS-mode cloud account: AWS was not"
                    + " called; estimates use the " + snapshot.describe() + ".");
        }
        List<String> done = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int stored = 0;
        for (Map.Entry<String, RegionPlan> region : plan.entrySet()) {
            Optional<Integer> count = Optional.empty();
            String lastError = "";
            for (CloudAccount account : region.getValue().accounts()) {
                try {
                    count = Optional.of(refreshRegion(region.getKey(), account, region.getValue().instanceTypes(),
                            problems));
                    break;
                } catch (RuntimeException e) {
                    lastError = "with account " + account.getName() + ": " + describe(e);
                }
            }
            if (count.isPresent()) {
                done.add(region.getKey());
                stored += count.get();
            } else {
                problems.add(region.getKey() + " kept its previous prices (" + lastError + ")");
            }
        }
        cache.reload();
        Outcome outcome = done.size() == plan.size() ? Outcome.SUCCEEDED : done.isEmpty() ? Outcome.FAILED
                : Outcome.PARTIAL;
        String message = "Stored " + stored + " prices for " + (done.isEmpty() ? "no region" : String.join(", ", done))
                + "." + (problems.isEmpty() ? "" : " " + String.join(" ", problems));
        return finish(started, trigger, outcome, List.copyOf(plan.keySet()), stored, message);
    }

    /**
     * Prices (all or nothing) and then spot prices (each on its own: spot is a refinement) of one region. Of the
     * zones' spot prices the highest is kept: the environment's zone is not known here, and an estimate that errs
     * high does not disappoint.
     */
    private int refreshRegion(String region, CloudAccount account, Set<String> instanceTypes, List<String> problems) {
        try (CloudPrices.Reader cloud = providers.pricesFor(account).open(account.target(region), settings.region(),
                settings.endpointOverride())) {
            List<Price> prices = new PricingApiPriceSource(cloud, clock).fetchRegion(region, instanceTypes);
            store.save(prices, clock.instant());
            List<PriceStore.SpotQuote> quotes = new ArrayList<>();
            for (String type : instanceTypes) {
                try {
                    Optional<BigDecimal> price = cloud.spotPrices(type, clock.instant()).stream()
                            .max(BigDecimal::compareTo);
                    price.ifPresent(usd -> quotes.add(new PriceStore.SpotQuote(region, type, usd, clock.instant())));
                } catch (RuntimeException e) {
                    problems.add("Spot price of " + type + " in " + region + " not read (" + describe(e) + ").");
                }
            }
            store.saveSpot(quotes);
            return prices.size();
        }
    }

    /** Regions by AWS-mode account: its environments' regions (and their NAT types) plus its default region. */
    private Map<String, RegionPlan> plan() {
        Map<Long, CloudAccount> awsAccounts = new LinkedHashMap<>();
        accounts.all().stream().filter(account -> account.getMode() == CloudAccountMode.AWS)
                .forEach(account -> awsAccounts.put(account.getId(), account));
        Map<String, RegionPlan> plan = new TreeMap<>();
        for (CloudAccount account : awsAccounts.values()) {
            if (account.getDefaultRegion() != null) {
                regionOf(plan, account.getDefaultRegion(), account);
            }
        }
        for (EnvironmentPlacement environment : environments.placements()) {
            CloudAccount account = awsAccounts.get(environment.cloudAccountId());
            if (account != null) {
                regionOf(plan, environment.region(), account).instanceTypes().add(environment.natInstanceType());
            }
        }
        return plan;
    }

    private static RegionPlan regionOf(Map<String, RegionPlan> plan, String region, CloudAccount account) {
        RegionPlan regionPlan = plan.computeIfAbsent(region, key -> new RegionPlan(new ArrayList<>(),
                new LinkedHashSet<>(EnvironmentSpec.natInstanceTypes())));
        if (!regionPlan.accounts().contains(account)) {
            regionPlan.accounts().add(account);
        }
        return regionPlan;
    }

    private PriceRefreshRun finish(Instant started, String trigger, Outcome outcome, List<String> regions, int stored,
            String message) {
        PriceRefreshRun run = new PriceRefreshRun(0, started, clock.instant(), trigger, outcome, String.join(", ", regions),
                stored, message);
        if (outcome == Outcome.FAILED || outcome == Outcome.PARTIAL) {
            log.warn("Price refresh {}: {}", outcome, message);
        } else {
            log.info("Price refresh {}: {}", outcome, message);
        }
        transactions.executeWithoutResult(status -> {
            runs.record(run);
            AuditEntry entry = outcome == Outcome.FAILED || outcome == Outcome.PARTIAL
                    ? AuditEntry.failure("cost.prices.refresh-failed") : AuditEntry.success("cost.prices.refreshed");
            auditLog.record(entry.actor(AuditEntry.SYSTEM).detail("trigger", trigger).detail("outcome", outcome.name())
                    .detail("regions", regions).detail("pricesStored", stored).detail("message", message));
        });
        return run;
    }

    private static String describe(RuntimeException e) {
        if (e instanceof CloudException cloud && cloud.errorCode() != null) {
            return cloud.errorCode() + ": " + cloud.providerMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
