package com.mcpportal.portal.audit.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.AuditSentences;
import com.mcpportal.portal.audit.ChainedEvent;

/** An audit event as the pages show it: times in the viewer's zone, the team by name. */
record AuditEventView(long id, String time, String utcTime, String actor, Long teamId, String teamName, String action,
                      String targetType, String targetId, String outcome, String clientIp, String userAgent,
                      String details, String prevHash, String hash) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static AuditEventView of(ChainedEvent event, AuditScope scope, ZoneId zone) {
        return new AuditEventView(event.id(), TIME.format(event.occurredAt().atZone(zone)),
                event.occurredAt().toString(), event.actor(), event.teamId(), scope.teamName(event.teamId()),
                event.action(), event.targetType(), event.targetId(), event.outcome().name(), event.clientIp(),
                event.userAgent(), event.details(), event.prevHash(), event.hash());
    }

    /** What happened, as one sentence: "alice rolled key ci-bot with 1 h grace". */
    public String sentence() {
        return AuditSentences.of(action, actor, outcome, targetType, targetId, details);
    }

    /** The details as name and value pairs, for a definition list. */
    public List<Map.Entry<String, String>> detailsList() {
        return AuditSentences.detailsList(details);
    }

    /** "environment 42", or empty when the event has no target. */
    public String target() {
        if (targetType == null) {
            return targetId == null ? "" : targetId;
        }
        return targetId == null ? targetType : targetType + " " + targetId;
    }
}
