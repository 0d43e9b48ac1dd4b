package com.mcpportal.portal.apikey;

import java.util.Optional;

import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.AuditTargetLink;
import com.mcpportal.portal.audit.AuditTargetLinks;

import org.springframework.stereotype.Component;

/** Audit events about an API key link to its row in the team's key list, revoked and expired keys too. */
@Component
class ApiKeyAuditTargetLinks implements AuditTargetLinks {

    private final ApiKeyRepository keys;

    ApiKeyAuditTargetLinks(ApiKeyRepository keys) {
        this.keys = keys;
    }

    @Override
    public String targetType() {
        return "api-key";
    }

    @Override
    public Optional<AuditTargetLink> link(String targetId, AuditScope reader) {
        return AuditTargetLinks.numericId(targetId).flatMap(keys::findById)
                .filter(key -> reader.canRead(key.getTeamId()))
                .map(key -> new AuditTargetLink("key " + key.getName(),
                        "/teams/" + key.getTeamId() + "/api-keys#key-" + key.getPublicId()));
    }
}
