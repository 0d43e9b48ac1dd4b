package com.mcpportal.portal.environment.update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams' server update policies ({@code team_server_update_policy}). Callers have required the team's OWNER role to
 * change one (an owner decides where images may come from and whether the portal updates on its own); every change
 * is audited with the values before and after.
 */
@Service
public class UpdatePolicies {

    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    UpdatePolicies(JdbcTemplate jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The team's policy; both off when its owners never set one. */
    @Transactional(readOnly = true)
    public UpdatePolicy of(long teamId) {
        return jdbc.query("SELECT * FROM team_server_update_policy WHERE team_id = ?", UpdatePolicies::policy, teamId)
                .stream().findFirst().orElse(UpdatePolicy.defaults(teamId));
    }

    /** Sets the team's policy; an unchanged one writes nothing. */
    @Transactional
    public UpdatePolicy set(long teamId, boolean autoUpdateOffHours, boolean allowAnyImageSource, String actor) {
        UpdatePolicy before = jdbc.query("SELECT * FROM team_server_update_policy WHERE team_id = ? FOR UPDATE",
                UpdatePolicies::policy, teamId).stream().findFirst().orElse(UpdatePolicy.defaults(teamId));
        if (before.autoUpdateOffHours() == autoUpdateOffHours && before.allowAnyImageSource() == allowAnyImageSource) {
            return before;
        }
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO team_server_update_policy (team_id, auto_update_off_hours, allow_any_image_source,
                                                       updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (team_id) DO UPDATE SET auto_update_off_hours = EXCLUDED.auto_update_off_hours,
                    allow_any_image_source = EXCLUDED.allow_any_image_source, updated_at = EXCLUDED.updated_at,
                    updated_by = EXCLUDED.updated_by""", teamId, autoUpdateOffHours, allowAnyImageSource,
                Timestamp.from(now), actor);
        auditLog.record(AuditEntry.success("team.server-updates.changed").team(teamId).target("team", teamId)
                .actor(actor).detail("autoUpdateOffHours", before.autoUpdateOffHours() + " -> " + autoUpdateOffHours)
                .detail("allowAnyImageSource", before.allowAnyImageSource() + " -> " + allowAnyImageSource));
        return new UpdatePolicy(teamId, autoUpdateOffHours, allowAnyImageSource, now, actor);
    }

    /** The teams whose owners turned on updates during off-hours. */
    @Transactional(readOnly = true)
    public List<Long> teamsUpdatingAutomatically() {
        return jdbc.queryForList("SELECT team_id FROM team_server_update_policy WHERE auto_update_off_hours"
                + " ORDER BY team_id", Long.class);
    }

    private static UpdatePolicy policy(ResultSet rs, int row) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new UpdatePolicy(rs.getLong("team_id"), rs.getBoolean("auto_update_off_hours"),
                rs.getBoolean("allow_any_image_source"), updated == null ? null : updated.toInstant(),
                rs.getString("updated_by"));
    }
}
