package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleService;
import com.mcpportal.portal.schedule.ScheduleWindow;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The estimate follows the schedule the environment really has: the one the schedule pages save. */
@PortalIntegrationTest
class StoredScheduleEstimateIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    ScheduleService schedules;

    @Autowired
    EnvironmentCostService costs;

    @Test
    void savingA24By7ScheduleRaisesTheEstimateToTheWholeMonth() {
        Team team = data.team("Stored Schedule Costs", data.admin());
        Environment environment = new Environments(context).draft(team.getId(), "priced");

        EnvironmentEstimate before = costs.estimate(team.getId(), environment.getId());
        assertThat(before.schedule().description()).startsWith("Mon\u2013Fri 08:00\u201320:00");
        assertThat(before.schedule().source()).isEqualTo("the environment's schedule");

        schedules.replace(team.getId(), environment.getId(), Schedule.weekly(ZoneId.of("UTC"),
                Arrays.stream(DayOfWeek.values()).map(day -> ScheduleWindow.of(day, "00:00", "00:00")).toList()));

        EnvironmentEstimate after = costs.estimate(team.getId(), environment.getId());
        assertThat(after.schedule().description()).startsWith("24/7");
        assertThat(after.schedule().monthlyHours()).isEqualByComparingTo(new BigDecimal("730.485"));
        assertThat(after.monthlyUsd()).isGreaterThan(before.monthlyUsd());
    }
}
