package com.mcpportal.portal.environment.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.HourlyRequests;
import com.mcpportal.portal.cloud.account.CloudProviders;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.ErrorRateCrossed;
import com.mcpportal.portal.monitoring.PortalMetrics;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the last 24 hours of each ready environment's MCP request figures (CloudWatch, or generated in the simulated
 * cloud), judges the recent error rate against {@code portal.monitoring.*}, and stores the result for the pages. A
 * flag raised or cleared is a crossing: audited once (actor {@code system}), counted once in
 * {@code portal.mcp.error_rate.crossings} and published as {@link ErrorRateCrossed}; later checks that find the same
 * side change nothing.
 */
@Service
public class ErrorRateCheck {

    static final Duration SHOWN = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(ErrorRateCheck.class);

    private final EnvironmentService environments;
    private final CloudProviders providers;
    private final ErrorRateStore store;
    private final ErrorRateSettings settings;
    private final AuditLog auditLog;
    private final PortalMetrics metrics;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ErrorRateCheck(EnvironmentService environments, CloudProviders providers, ErrorRateStore store,
            ErrorRateSettings settings, AuditLog auditLog, PortalMetrics metrics, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.environments = environments;
        this.providers = providers;
        this.store = store;
        this.settings = settings;
        this.auditLog = auditLog;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Checks every ready environment; returns how many were checked. */
    public int checkAll() {
        int checked = 0;
        for (Environment environment : environments.listReady()) {
            try {
                check(environment);
                checked++;
            } catch (RuntimeException e) {
                // One environment's trouble (say, its row changed under us) must not stop the others' checks.
                log.warn("Error-rate check of environment {} failed", environment.getId(), e);
            }
        }
        return checked;
    }

    /** Checks one environment now and returns what was stored. */
    public ErrorRateStatus check(Environment environment) {
        Instant now = clock.instant();
        Instant from = now.truncatedTo(ChronoUnit.HOURS).minus(SHOWN).plus(Duration.ofHours(1));
        try {
            EnvironmentCloud cloud = environments.cloudOf(environment.getId());
            List<HourlyRequests> hours = providers.metricsFor(cloud.account()).hourlyRequests(cloud.ref(), from, now);
            return record(environment, hours, now);
        } catch (CloudException e) {
            log.warn("Error-rate check of environment {} could not read its metrics: {}", environment.getId(),
                    e.getMessage());
            return unreadable(environment, now, e.getMessage());
        }
    }

    /** The latest check of an environment, if any. */
    public Optional<ErrorRateStatus> latest(long environmentId) {
        return store.find(environmentId);
    }

    /** The environments among these that are flagged now. */
    public Set<Long> flagged(Collection<Long> environmentIds) {
        return store.flagged(environmentIds);
    }

    /** The environment page's panel: the stored check, or an empty one before the first. */
    public ErrorRatePanel panel(long environmentId, boolean simulated) {
        return ErrorRatePanel.of(store.find(environmentId).orElse(null), simulated, settings);
    }

    /**
     * Judges freshly read figures, stores them, and audits, counts and publishes a crossing. Public for the tests of
     * features that react to a crossing (they give the figures a cloud would).
     */
    public ErrorRateStatus record(Environment environment, List<HourlyRequests> hours, Instant now) {
        return transactions.execute(status -> {
            Optional<ErrorRateStatus> previous = store.find(environment.getId());
            boolean wasFlagged = previous.map(ErrorRateStatus::flagged).orElse(false);
            ErrorRates.Judgement judgement = ErrorRates.judge(hours, now, settings, wasFlagged);
            Instant since = !judgement.flagged() ? null
                    : judgement.crossed() ? now : previous.map(ErrorRateStatus::flaggedSince).orElse(now);
            ErrorRateStatus result = new ErrorRateStatus(environment.getId(), now, now, hours, judgement.requests(),
                    judgement.errors(), judgement.flagged(), since, null);
            store.save(result);
            if (judgement.crossed()) {
                audit(environment, result);
                metrics.errorRateCrossed(environment.getCloudId(), result.flagged());
                events.publishEvent(new ErrorRateCrossed(environment.getId(), environment.getTeamId(),
                        environment.getName(), result.flagged(), ErrorRates.format(result.windowErrorRate()),
                        result.windowRequests(), result.windowErrors(), settings.thresholdLabel() + "%",
                        "the last " + settings.windowHours() + " h and the current hour"));
            }
            return result;
        });
    }

    // Not knowing is no reason to drop a flag or the last figures: keep both, say why they are old.
    private ErrorRateStatus unreadable(Environment environment, Instant now, String reason) {
        return transactions.execute(status -> {
            Optional<ErrorRateStatus> previous = store.find(environment.getId());
            ErrorRateStatus result = new ErrorRateStatus(environment.getId(), now,
                    previous.map(ErrorRateStatus::figuresAt).orElse(null),
                    previous.map(ErrorRateStatus::hours).orElse(List.of()),
                    previous.map(ErrorRateStatus::windowRequests).orElse(0L),
                    previous.map(ErrorRateStatus::windowErrors).orElse(0L),
                    previous.map(ErrorRateStatus::flagged).orElse(false),
                    previous.map(ErrorRateStatus::flaggedSince).orElse(null),
                    "Could not read the request metrics: " + reason);
            store.save(result);
            return result;
        });
    }

    private void audit(Environment environment, ErrorRateStatus result) {
        AuditEntry entry = result.flagged() ? AuditEntry.failure("environment.error-rate.flagged")
                : AuditEntry.success("environment.error-rate.cleared");
        auditLog.record(entry.team(environment.getTeamId()).target("environment", environment.getId())
                .actor(AuditEntry.SYSTEM).detail("name", environment.getName())
                .detail("errorRate", ErrorRates.format(result.windowErrorRate()))
                .detail("requests", String.valueOf(result.windowRequests()))
                .detail("errors", String.valueOf(result.windowErrors()))
                .detail("threshold", settings.thresholdLabel() + "%")
                .detail("window", "last " + settings.windowHours() + " h and the current hour"));
    }
}
