package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.schedule.power.ReadyEnvironment;
import com.mcpportal.portal.schedule.power.ReadyEnvironments;
import com.mcpportal.portal.schedule.store.EnvironmentSchedule;
import com.mcpportal.portal.schedule.store.EnvironmentScheduleRepository;
import com.mcpportal.portal.schedule.store.TeamSchedule;
import com.mcpportal.portal.schedule.store.TeamScheduleRepository;
import com.mcpportal.portal.support.PortalRepositoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schedules stored and read back on the real PostgreSQL: every part survives, and the reconciler's one query. */
@PortalRepositoryTest
@Import(ReadyEnvironments.class)
@EnableConfigurationProperties(ScheduleSettings.class)
class ScheduleRepositoryTests {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    EnvironmentScheduleRepository schedules;

    @Autowired
    TeamScheduleRepository teamSchedules;

    @Autowired
    ReadyEnvironments readyEnvironments;

    @Autowired
    JdbcTemplate jdbc;

    ScheduleRows rows;
    long teamId;

    @BeforeEach
    void team() {
        rows = new ScheduleRows(jdbc);
        teamId = rows.team("Schedules");
    }

    @Test
    void everyPartOfAScheduleSurvivesTheRoundTrip() {
        Schedule schedule = new Schedule(BERLIN,
                List.of(ScheduleWindow.of(DayOfWeek.MONDAY, "08:00", "20:00"),
                        ScheduleWindow.of(DayOfWeek.FRIDAY, "22:00", "02:00"),
                        ScheduleWindow.of(DayOfWeek.SUNDAY, "20:00", "00:00"),
                        new ScheduleWindow(DayOfWeek.TUESDAY, LocalTime.of(7, 30, 15), LocalTime.of(9, 0))),
                List.of(DateException.off(LocalDate.parse("2026-12-24"), LocalDate.parse("2027-01-01")),
                        DateException.on(LocalDate.parse("2026-12-27"), LocalTime.of(10, 0), LocalTime.of(14, 0)),
                        DateException.on(LocalDate.parse("2026-12-30"))),
                new ManualOverride(PowerState.ON, Instant.parse("2026-12-01T18:00:00Z")), false, WhenDisabled.ALWAYS_OFF);
        long environmentId = rows.environment(teamId, "READY", "ON");

        schedules.saveAndFlush(new EnvironmentSchedule(environmentId, schedule, NOW, "alice"));

        EnvironmentSchedule stored = schedules.findById(environmentId).orElseThrow();
        assertThat(stored.toSchedule()).isEqualTo(schedule);
        assertThat(stored.getUpdatedBy()).isEqualTo("alice");
        assertThat(jdbc.queryForObject("SELECT windows->0->>'start' || ' ' || (exceptions->1->>'end')"
                + " FROM environment_schedule WHERE environment_id = ?", String.class, environmentId))
                .as("readable JSON in the row").isEqualTo("08:00 14:00");
    }

    @Test
    void clearingTheOverrideClearsBothColumns() {
        long environmentId = rows.environment(teamId, "READY", "ON");
        Schedule withOverride = Schedule.defaultFor(BERLIN)
                .withOverride(new ManualOverride(PowerState.OFF, Instant.parse("2026-12-02T00:00:00Z")));
        EnvironmentSchedule row = schedules.saveAndFlush(new EnvironmentSchedule(environmentId, withOverride, NOW, "a"));

        row.replace(withOverride.withOverride(null), NOW, "b");
        schedules.saveAndFlush(row);

        assertThat(schedules.findById(environmentId).orElseThrow().toSchedule().override()).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM environment_schedule WHERE environment_id = ?"
                + " AND override_state IS NULL AND override_until IS NULL", Integer.class, environmentId)).isOne();
    }

    @Test
    void anOverrideNeedsBothItsStateAndItsEnd() {
        long environmentId = rows.environment(teamId, "READY", "ON");
        schedules.saveAndFlush(new EnvironmentSchedule(environmentId, Schedule.defaultFor(BERLIN), NOW, "a"));

        assertThatThrownBy(() -> jdbc.update("UPDATE environment_schedule SET override_state = 'ON'"
                + " WHERE environment_id = ?", environmentId)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aTeamDefaultKeepsNoOverride() {
        Schedule weekends = Schedule.weekly(ZoneId.of("America/New_York"),
                List.of(ScheduleWindow.of(DayOfWeek.SATURDAY, "10:00", "16:00")))
                .withOverride(new ManualOverride(PowerState.ON, NOW.plusSeconds(3600)));

        teamSchedules.saveAndFlush(new TeamSchedule(teamId, weekends, NOW, "owner"));

        assertThat(teamSchedules.findById(teamId).orElseThrow().toSchedule()).isEqualTo(weekends.withOverride(null));
    }

    @Test
    void theReconcilerLoadsReadyEnvironmentsWithTheScheduleTheyFollowAndTheirLatestOperation() {
        Schedule own = Schedule.weekly(BERLIN, List.of(ScheduleWindow.of(DayOfWeek.MONDAY, "06:00", "07:00")));
        Schedule teamDefault = Schedule.weekly(ZoneId.of("Asia/Kolkata"),
                List.of(ScheduleWindow.of(DayOfWeek.TUESDAY, "09:00", "18:00")));
        long withOwn = rows.environment(teamId, "READY", "ON");
        long followingTeam = rows.environment(teamId, "READY", "OFF");
        long otherTeam = rows.environment(rows.team("No default"), "READY", "OFF");
        long draft = rows.environment(teamId, "DRAFT", null);
        schedules.saveAndFlush(new EnvironmentSchedule(withOwn, own, NOW, "alice"));
        schedules.saveAndFlush(new EnvironmentSchedule(draft, own, NOW, "alice"));
        teamSchedules.saveAndFlush(new TeamSchedule(teamId, teamDefault, NOW.minusSeconds(60), "owner"));
        rows.operation(withOwn, "START", "SUCCEEDED", "scheduler", NOW.minusSeconds(500));
        long manualStop = rows.operation(withOwn, "STOP", "RUNNING", "alice", NOW.minusSeconds(100));

        List<ReadyEnvironment> withoutOperations = readyEnvironments.allWithoutOperations().stream()
                .filter(e -> List.of(withOwn, followingTeam, otherTeam, draft).contains(e.id())).toList();
        List<ReadyEnvironment> ready = readyEnvironments.withLatestOperations(withoutOperations);

        assertThat(withoutOperations).extracting(ReadyEnvironment::latest).containsOnlyNulls();
        assertThat(readyEnvironments.allWithoutOperations()).as("the next pass reuses the parsed JSON")
                .filteredOn(e -> List.of(withOwn, followingTeam, otherTeam).contains(e.id()))
                .containsExactlyElementsOf(withoutOperations);

        assertThat(ready).extracting(ReadyEnvironment::id).containsExactly(withOwn, followingTeam, otherTeam);
        assertThat(ready.get(0).schedule()).isEqualTo(own);
        assertThat(ready.get(0).power()).isEqualTo(EnvironmentPower.ON);
        assertThat(ready.get(0).scheduleChangedAt()).isEqualTo(NOW);
        assertThat(ready.get(0).latest()).isEqualTo(new ReadyEnvironment.LatestOperation(manualStop, "STOP", true,
                "alice", NOW.minusSeconds(100)));
        assertThat(ready.get(0).busy()).isTrue();
        assertThat(ready.get(1).schedule()).as("no own row: the team default").isEqualTo(teamDefault);
        assertThat(ready.get(1).scheduleChangedAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(ready.get(1).latest()).isNull();
        assertThat(ready.get(2).schedule()).as("neither: the portal default in portal.schedules.default-zone")
                .isEqualTo(Schedule.defaultFor(ZoneId.of("UTC")));
        assertThat(readyEnvironments.one(draft)).isEmpty();
        assertThat(readyEnvironments.one(followingTeam).orElseThrow().schedule()).isEqualTo(teamDefault);
    }
}
