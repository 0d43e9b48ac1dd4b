package com.mcpportal.portal.audit.web;

import java.time.Instant;

import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.ChainedEvent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit event in the REST API: every stored column, times as ISO instants in UTC, {@code details} as the JSON
 * object it is, and the chain's hashes (so a client can check an event against an export or the chain).
 *
 * @param teamName the team's name, or {@code "team <id>"} when it no longer exists; null for platform-wide events
 * @param outcome  SUCCESS, FAILURE or DENIED
 */
record AuditEventResponse(long id, Instant occurredAt, String actor, Long teamId, String teamName, String action,
                          String targetType, String targetId, String outcome, String clientIp, String userAgent,
                          JsonNode details, String prevHash, String hash) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static AuditEventResponse of(ChainedEvent event, AuditScope scope) {
        return new AuditEventResponse(event.id(), event.occurredAt(), event.actor(), event.teamId(),
                event.teamId() == null ? null : scope.teamName(event.teamId()), event.action(), event.targetType(),
                event.targetId(), event.outcome().name(), event.clientIp(), event.userAgent(),
                JSON.readTree(event.details()), event.prevHash(), event.hash());
    }
}
