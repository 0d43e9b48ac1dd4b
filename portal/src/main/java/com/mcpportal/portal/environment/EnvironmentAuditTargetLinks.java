package com.mcpportal.portal.environment;

import java.util.Optional;

import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.AuditTargetLink;
import com.mcpportal.portal.audit.AuditTargetLinks;

import org.springframework.stereotype.Component;

/** Audit events about an environment link to its page, which a deleted environment keeps for its history. */
@Component
class EnvironmentAuditTargetLinks implements AuditTargetLinks {

    private final EnvironmentRepository environments;

    EnvironmentAuditTargetLinks(EnvironmentRepository environments) {
        this.environments = environments;
    }

    @Override
    public String targetType() {
        return "environment";
    }

    @Override
    public Optional<AuditTargetLink> link(String targetId, AuditScope reader) {
        return AuditTargetLinks.numericId(targetId).flatMap(environments::findById)
                .filter(environment -> reader.canRead(environment.getTeamId()))
                .map(environment -> new AuditTargetLink("environment " + environment.getName(),
                        "/teams/" + environment.getTeamId() + "/environments/" + environment.getId()));
    }
}
