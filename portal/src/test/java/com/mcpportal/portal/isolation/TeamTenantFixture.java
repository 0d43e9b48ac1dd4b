package com.mcpportal.portal.isolation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The team feature's routes: {@code {teamId}} is the victim team, {@code {userId}} its owner. */
public class TeamTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return new TenantFixtureResult(
                Map.of("teamId", Long.toString(victim.teamId()), "userId", Long.toString(victim.ownerId())),
                Set.of(victim.teamName(), victim.ownerUsername()),
                () -> List.of(
                        jdbc.queryForList("SELECT name, archived_at FROM team WHERE id = ?", victim.teamId()),
                        jdbc.queryForList("SELECT user_id, role FROM team_member WHERE team_id = ? ORDER BY user_id",
                                victim.teamId()),
                        jdbc.queryForList("SELECT enabled, must_change_password, password_hash FROM users WHERE id = ?",
                                victim.ownerId())));
    }
}
