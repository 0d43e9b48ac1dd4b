package com.mcpportal.portal.isolation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The team feature's routes: {@code {teamId}} is the victim team, {@code {userId}} its owner, {@code {mappingId}} a
 * group mapping of it.
 */
public class TeamTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Long mappingId = jdbc.queryForObject("INSERT INTO team_group_mapping (team_id, provider, group_name, role,"
                + " created_at) VALUES (?, 'staff', 'victim-admins', 'OWNER', now()) RETURNING id", Long.class,
                victim.teamId());
        return new TenantFixtureResult(
                Map.of("teamId", Long.toString(victim.teamId()), "userId", Long.toString(victim.ownerId()),
                        "mappingId", Long.toString(mappingId)),
                Set.of(victim.teamName(), victim.ownerUsername()),
                () -> List.of(
                        jdbc.queryForList("SELECT name, archived_at FROM team WHERE id = ?", victim.teamId()),
                        jdbc.queryForList("SELECT user_id, role FROM team_member WHERE team_id = ? ORDER BY user_id",
                                victim.teamId()),
                        jdbc.queryForList("SELECT enabled, must_change_password, password_hash FROM users WHERE id = ?",
                                victim.ownerId()),
                        jdbc.queryForList("SELECT id, provider, group_name, role FROM team_group_mapping"
                                + " WHERE team_id = ? ORDER BY id", victim.teamId())));
    }
}
