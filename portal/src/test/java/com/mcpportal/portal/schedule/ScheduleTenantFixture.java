package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.isolation.TenantFixture;
import com.mcpportal.portal.isolation.TenantFixtureResult;
import com.mcpportal.portal.isolation.VictimTeam;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schedule routes use {@code teamId} and {@code environmentId}, which the team and environment fixtures fill.
 * This one gives the victim team a default schedule and an environment with a schedule of its own, each with a
 * holiday nobody else has, and watches every schedule row of the team: an attacker's POST must change none.
 */
public class ScheduleTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        // Dates no other team has: a day per team id, in a year nobody else schedules.
        LocalDate environmentHoliday = LocalDate.parse("2031-01-01").plusDays(victim.teamId());
        LocalDate teamHoliday = LocalDate.parse("2041-01-01").plusDays(victim.teamId());
        ScheduleService schedules = context.getBean(ScheduleService.class);
        Schedule weekends = Schedule.weekly(ZoneId.of("Pacific/Chatham"),
                List.of(ScheduleWindow.of(DayOfWeek.SATURDAY, "09:00", "17:00")));
        schedules.replaceTeamDefault(victim.teamId(), weekends.withExceptions(List.of(DateException.off(teamHoliday))));
        Environment environment = new Environments(context).draft(victim.teamId(), "victim-scheduled");
        schedules.replace(victim.teamId(), environment.getId(),
                weekends.withExceptions(List.of(DateException.off(environmentHoliday))));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return new TenantFixtureResult(Map.of(), Set.of(environmentHoliday.toString(), teamHoliday.toString()),
                () -> List.of(
                        jdbc.queryForList("SELECT s.environment_id, s.zone, s.windows::text, s.exceptions::text,"
                                + " s.enabled, s.when_disabled, s.override_state, s.override_until, s.version"
                                + " FROM environment_schedule s JOIN environment e ON e.id = s.environment_id"
                                + " WHERE e.team_id = ? ORDER BY s.environment_id", victim.teamId()),
                        jdbc.queryForList("SELECT zone, windows::text, exceptions::text, enabled, when_disabled, version"
                                + " FROM team_schedule WHERE team_id = ?", victim.teamId())));
    }
}
