package com.mcpportal.portal.apikey.keyset;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.apikey.ApiKeyRepository;
import com.mcpportal.portal.apikey.ApiKeySettings;
import com.mcpportal.portal.apikey.KeySetPublicationChanged;
import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.monitoring.PortalMetrics;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes one environment's key set where its MCP server reads it: the key-set secret through the environment's
 * cloud adapter (an SSM SecureString in aws mode) and, for simulated environments, also the file
 * {@code <portal.keys.simulated-dir>/<cloud id>.json} (written whole, then moved into place, so a server never
 * reads half a document). Each publication runs in its own transaction under a per-environment advisory lock and
 * reads the keys inside it, so concurrent publishers (threads or portal instances) end with the newest set.
 * Failures are recorded (publication row, metric, one audit event per failure streak) and retried by the
 * periodic pass; they never reach the caller.
 */
@Component
class KeySetPublisher {

    enum Outcome { PUBLISHED, UNCHANGED, SKIPPED, FAILED }

    /** Advisory lock class ("KS"): the two-key form, so it cannot meet the single-key locks of other features. */
    static final int LOCK_CLASS = 0x4B53;
    /** States in which an environment's key-set secret may exist and be read by a server. */
    static final List<EnvironmentState> PUBLISHED_STATES = List.of(EnvironmentState.PROVISIONING,
            EnvironmentState.READY, EnvironmentState.FAILED);

    private static final Logger log = LoggerFactory.getLogger(KeySetPublisher.class);

    private final JdbcTemplate jdbc;
    private final ApiKeyRepository keys;
    private final KeySetPublicationRepository publications;
    private final EnvironmentService environments;
    private final ApiKeySettings settings;
    private final PortalMetrics metrics;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    KeySetPublisher(JdbcTemplate jdbc, ApiKeyRepository keys, KeySetPublicationRepository publications,
            EnvironmentService environments, ApiKeySettings settings, PortalMetrics metrics, AuditLog auditLog,
            PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.keys = keys;
        this.publications = publications;
        this.environments = environments;
        this.settings = settings;
        this.metrics = metrics;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Publishes the environment's current key set.
     *
     * @param force publish even when the servers already hold this set (after provisioning, the daily pass)
     */
    Outcome publish(long environmentId, boolean force) {
        return transaction.execute(status -> {
            jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> { }, LOCK_CLASS, (int) environmentId);
            Environment environment = environments.get(environmentId);
            if (!PUBLISHED_STATES.contains(environment.getState())
                    || environment.resources().keySetSecret() == null) {
                return Outcome.SKIPPED;
            }
            Instant now = clock.instant();
            KeySetDocument document = KeySetDocument.of(keys.findLive(environment.getTeamId(), now),
                    environmentId, environment.getCloudId(), now);
            KeySetPublication publication = publications.findById(environmentId)
                    .orElseGet(() -> new KeySetPublication(environmentId));
            if (!force && publication.holds(document)) {
                return Outcome.UNCHANGED;
            }
            boolean wasFailing = publication.isFailing();
            Outcome outcome;
            try {
                write(environments.cloudOf(environmentId), environment.getCloudId(), document.json());
                publication.succeeded(document, now);
                metrics.keySetPublished(environment.getCloudId());
                if (wasFailing) {
                    auditLog.record(AuditEntry.success("apikey.keyset.published").team(environment.getTeamId())
                            .target("environment", environmentId).detail("keys", document.keyCount())
                            .detail("reason", "recovered after failures").actor(AuditEntry.SYSTEM));
                    events.publishEvent(new KeySetPublicationChanged(environmentId, environment.getTeamId(),
                            environment.getName(), false, null));
                }
                outcome = Outcome.PUBLISHED;
            } catch (IOException | RuntimeException e) {
                String error = describe(e);
                publication.failed(error, now);
                metrics.keySetPublishFailed(environment.getCloudId());
                log.warn("Publishing the key set of environment {} ({}) failed: {}", environmentId,
                        environment.getCloudId(), error);
                if (!wasFailing) {
                    auditLog.record(AuditEntry.failure("apikey.keyset.publish-failed").team(environment.getTeamId())
                            .target("environment", environmentId).detail("error", error).actor(AuditEntry.SYSTEM));
                    events.publishEvent(new KeySetPublicationChanged(environmentId, environment.getTeamId(),
                            environment.getName(), true, error));
                }
                outcome = Outcome.FAILED;
            }
            publications.save(publication);
            return outcome;
        });
    }

    /** A deprovisioned environment: its simulated file accepts no key any more, and its record goes. */
    void retire(long environmentId) {
        transaction.executeWithoutResult(status -> {
            jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> { }, LOCK_CLASS, (int) environmentId);
            Environment environment = environments.get(environmentId);
            Path file = fileOf(environment.getCloudId());
            // An empty set, not no file: a server still reading it would keep its last good set if it vanished.
            if (Files.exists(file)) {
                try {
                    writeAtomically(file, CloudProvider.EMPTY_KEY_SET);
                } catch (IOException e) {
                    log.warn("Could not empty the key file {}: {}", file, e.getMessage());
                }
            }
            publications.deleteById(environmentId);
        });
    }

    private void write(EnvironmentCloud cloud, String cloudId, String json) throws IOException {
        cloud.provider().putSecret(cloud.ref(), CloudProvider.KEY_SET_SECRET, json);
        if (cloud.account().isSimulated()) {
            writeAtomically(fileOf(cloudId), json);
        }
    }

    Path fileOf(String cloudId) {
        return settings.simulatedDir().resolve(cloudId + ".json");
    }

    private static void writeAtomically(Path file, String json) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, json);
            try {
                // Hashes only; the MCP server may run as another user (the compose volume), so it must be readable.
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the default permissions apply.
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        return e instanceof IOException ? "Writing the key file failed: " + message : message;
    }
}
