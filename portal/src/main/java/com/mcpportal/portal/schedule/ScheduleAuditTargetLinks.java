package com.mcpportal.portal.schedule;

import java.util.Optional;

import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.AuditTargetLink;
import com.mcpportal.portal.audit.AuditTargetLinks;
import com.mcpportal.portal.environment.EnvironmentQueries;

import org.springframework.stereotype.Component;

/** Audit events about a schedule (its target id is the environment's) link to that environment's schedule page. */
@Component
class ScheduleAuditTargetLinks implements AuditTargetLinks {

    private final EnvironmentQueries environments;

    ScheduleAuditTargetLinks(EnvironmentQueries environments) {
        this.environments = environments;
    }

    @Override
    public String targetType() {
        return "schedule";
    }

    @Override
    public Optional<AuditTargetLink> link(String targetId, AuditScope reader) {
        return AuditTargetLinks.numericId(targetId).flatMap(environments::find)
                .filter(environment -> reader.canRead(environment.getTeamId()))
                .map(environment -> new AuditTargetLink("schedule of " + environment.getName(),
                        "/teams/" + environment.getTeamId() + "/environments/" + environment.getId() + "/schedule"));
    }
}
