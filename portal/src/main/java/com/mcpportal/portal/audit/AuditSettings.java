package com.mcpportal.portal.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit review features ({@code portal.audit.*}). The retention period itself is an
 * administrator's setting kept in the database; these are the operator's.
 *
 * @param archiveDir      where pruning writes the JSON Lines archive of what it removes (relative paths resolve
 *                        against the working directory)
 * @param verifyCron      when the chain verification job runs (Quartz cron, UTC)
 * @param pruneCron       when the retention job runs (Quartz cron, UTC)
 * @param pruneBatchSize  events pruned per transaction (each batch gets its own archive file and checkpoint)
 * @param exportFetchSize rows fetched per round trip while streaming an export, an archive or a verification
 * @param webhook         the outbound SIEM webhook
 */
@ConfigurationProperties("portal.audit")
public record AuditSettings(
        @DefaultValue("data/audit-archive") Path archiveDir,
        @DefaultValue("0 17 3 * * ?") String verifyCron,
        @DefaultValue("0 47 3 * * ?") String pruneCron,
        @DefaultValue("100000") int pruneBatchSize,
        @DefaultValue("1000") int exportFetchSize,
        @DefaultValue Webhook webhook) {

    /**
     * Streaming events to a SIEM as they are recorded.
     *
     * @param url          where to POST batches of events (JSON Lines); empty switches the webhook off
     * @param secret       shared secret for the {@code X-Portal-Signature: sha256=<hex HMAC>} header
     * @param batchSize    events per request at most
     * @param pollInterval how often the delivery job looks for new events
     * @param timeout      connect and read timeout of one delivery
     */
    public record Webhook(
            @DefaultValue("") String url,
            @DefaultValue("") String secret,
            @DefaultValue("100") int batchSize,
            @DefaultValue("10s") Duration pollInterval,
            @DefaultValue("10s") Duration timeout) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }
}
