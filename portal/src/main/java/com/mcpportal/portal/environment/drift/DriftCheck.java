package com.mcpportal.portal.environment.drift;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.ActualState;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.ServiceCounts;
import com.mcpportal.portal.environment.DriftChanged;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentRepository;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentState;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares what each ready environment should be running (its power state) with what the cloud reports, e.g. a
 * NAT instance stopped by hand while the environment is on, and records the finding for the pages. A NAT instance on
 * an older AMI than the latest published counts too, as {@link NatImageCheck} last found it. Environments
 * with an operation in flight are skipped: they are changing on purpose. A drift that appears or goes away is
 * audited (actor {@code system}).
 */
@Service
public class DriftCheck {

    private static final Logger log = LoggerFactory.getLogger(DriftCheck.class);

    private final EnvironmentRepository environments;
    private final EnvironmentService environmentService;
    private final DriftStore store;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final NatImageCheck natImages;
    private final EnvironmentNetworks networks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DriftCheck(EnvironmentRepository environments, EnvironmentService environmentService, DriftStore store,
            AuditLog auditLog, TransactionTemplate transactions, NatImageCheck natImages, EnvironmentNetworks networks,
            ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.networks = networks;
        this.environments = environments;
        this.environmentService = environmentService;
        this.store = store;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.natImages = natImages;
        this.clock = clock;
    }

    /** Checks every ready environment; returns how many were checked. */
    public int checkAll() {
        int checked = 0;
        for (Environment environment : environments.findByStateOrderByIdAsc(EnvironmentState.READY)) {
            if (check(environment.getId()).isPresent()) {
                checked++;
            }
        }
        return checked;
    }

    /** Checks one environment now, if it is ready and idle; returns the finding. */
    public Optional<DriftFinding> check(long environmentId) {
        Environment environment = environments.findById(environmentId).orElse(null);
        if (environment == null || environment.getState() != EnvironmentState.READY
                || environments.hasOperationInFlight(environmentId)) {
            return Optional.empty();
        }
        EnvironmentPower power = environment.getPower() == null ? EnvironmentPower.ON : environment.getPower();
        String expected = power == EnvironmentPower.ON ? "NAT running, service 1 task" : "NAT stopped, service 0 tasks";
        Instant now = clock.instant();
        DriftFinding finding;
        try {
            EnvironmentCloud cloud = environmentService.cloudOf(environmentId);
            ActualState actual = cloud.provider().describe(cloud.ref());
            // A shared network's NAT is the network's (it stays on while any member may run): not this one's drift.
            List<String> differences = networks.networkOf(environmentId).isPresent()
                    ? serviceDifferences(power, actual.service()) : differences(power, actual);
            // An outdated NAT, as the last NAT image check found it (that check asks the cloud less often).
            natImages.latest(environmentId).map(NatImageFinding::difference).ifPresent(differences::add);
            Optional<DriftFinding> previous = store.find(environmentId);
            Instant since = differences.isEmpty() ? null : previous.filter(DriftFinding::drifted)
                    .map(DriftFinding::since).orElse(now);
            finding = new DriftFinding(environmentId, now, expected, describe(actual), !differences.isEmpty(),
                    differences.isEmpty() ? null : String.join("; ", differences), since);
            boolean wasDrifted = previous.map(DriftFinding::drifted).orElse(false);
            if (finding.drifted() != wasDrifted) {
                audit(environment, finding);
            }
        } catch (CloudException e) {
            log.warn("Drift check of environment {} failed: {}", environmentId, e.getMessage());
            // Keep what the last successful check saw: not knowing is no reason to forget a drift.
            Optional<DriftFinding> previous = store.find(environmentId);
            finding = new DriftFinding(environmentId, now, expected, "unknown",
                    previous.map(DriftFinding::drifted).orElse(false), "Could not ask the cloud: " + e.getMessage(),
                    previous.map(DriftFinding::since).orElse(null));
        }
        DriftFinding result = finding;
        transactions.executeWithoutResult(status -> store.save(result));
        return Optional.of(result);
    }

    /** The latest finding, if the environment was checked since it became ready. */
    public Optional<DriftFinding> latest(long environmentId) {
        return store.find(environmentId);
    }

    static List<String> differences(EnvironmentPower power, ActualState actual) {
        List<String> differences = new ArrayList<>();
        NatState nat = actual.nat();
        ServiceCounts service = actual.service();
        if (nat == NatState.NONE || nat == NatState.TERMINATED || nat == NatState.SHUTTING_DOWN) {
            differences.add("the NAT instance is gone (" + nat.name().toLowerCase() + ")");
        } else if (power == EnvironmentPower.ON && nat != NatState.RUNNING) {
            differences.add("the NAT instance is " + nat.name().toLowerCase() + " but should be running");
        } else if (power == EnvironmentPower.OFF && nat != NatState.STOPPED) {
            differences.add("the NAT instance is " + nat.name().toLowerCase() + " but should be stopped");
        }
        differences.addAll(serviceDifferences(power, service));
        return differences;
    }

    static List<String> serviceDifferences(EnvironmentPower power, ServiceCounts service) {
        List<String> differences = new ArrayList<>();
        if (!service.exists()) {
            differences.add("the ECS service is missing");
        } else if (power == EnvironmentPower.ON && (service.desired() < 1 || service.running() < 1)) {
            differences.add("the service runs " + service.running() + " of " + service.desired()
                    + " tasks but should run 1");
        } else if (power == EnvironmentPower.OFF && (service.desired() > 0 || service.running() > 0)) {
            differences.add("the service runs " + service.running() + " of " + service.desired()
                    + " tasks but should run none");
        }
        return differences;
    }

    private static String describe(ActualState actual) {
        return "NAT " + actual.nat().name().toLowerCase() + ", service " + (actual.service().exists()
                ? actual.service().running() + " of " + actual.service().desired() + " tasks" : "missing");
    }

    private void audit(Environment environment, DriftFinding finding) {
        AuditEntry entry = finding.drifted() ? AuditEntry.failure("environment.drift.detected")
                : AuditEntry.success("environment.drift.resolved");
        transactions.executeWithoutResult(status -> {
            auditLog.record(entry.team(environment.getTeamId())
                    .target("environment", environment.getId()).actor(AuditEntry.SYSTEM)
                    .detail("name", environment.getName()).detail("expected", finding.expected())
                    .detail("actual", finding.actual()).detail("differences", String.valueOf(finding.message())));
            events.publishEvent(new DriftChanged(environment.getId(), environment.getTeamId(), environment.getName(),
                    finding.drifted(), finding.expected(), finding.actual(), finding.message()));
        });
    }
}
