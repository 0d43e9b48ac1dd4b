package com.mcpportal.portal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.isolation.TenantFixture;
import com.mcpportal.portal.isolation.TenantFixtureResult;
import com.mcpportal.portal.isolation.VictimTeam;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit routes: {@code {eventId}} is an event of the victim team that names it in its details; it is also the
 * pages' {@code before}/{@code after} cursor, and its position the REST API's {@code cursor}.
 */
public class AuditTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        AuditLog auditLog = context.getBean(AuditLog.class);
        String secret = "victim-audit-secret-" + victim.teamId();
        long eventId = auditLog.record(AuditEntry.success("test.isolation.probe").team(victim.teamId())
                .target("team", victim.teamId()).detail("note", secret).detail("team", victim.teamName()));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Instant occurredAt = jdbc.queryForObject("SELECT occurred_at FROM audit_event WHERE id = ?", Timestamp.class,
                eventId).toInstant();
        return new TenantFixtureResult(Map.of("eventId", Long.toString(eventId)),
                Map.of("cursor", new AuditPosition(occurredAt, eventId).encode()), Set.of(secret),
                () -> List.of(jdbc.queryForList("SELECT id, hash FROM audit_event WHERE team_id = ? AND id <= ? ORDER BY id",
                        victim.teamId(), eventId),
                        jdbc.queryForObject("SELECT retention_days IS NULL FROM audit_settings", Boolean.class),
                        jdbc.queryForObject("SELECT count(*) FROM audit_checkpoint", Long.class)));
    }
}
