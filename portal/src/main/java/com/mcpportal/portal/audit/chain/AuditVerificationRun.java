package com.mcpportal.portal.audit.chain;

import java.time.Instant;

/** One stored run of the chain verification, for the history page. */
public record AuditVerificationRun(long id, Instant startedAt, Instant finishedAt, String triggeredBy, AuditChainReport report) {

    public long durationMillis() {
        return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
