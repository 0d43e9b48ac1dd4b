package com.mcpportal.portal.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cost.web.WhatIfForm;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

class WhatIfPlannerTests {

    private static final Schedule BERLIN_OFFICE = Schedule.defaultFor(ZoneId.of("Europe/Berlin"));

    private final Environment environment = mock(Environment.class);

    private WhatIfForm form(String size, String architecture) {
        when(environment.getLogRetentionDays()).thenReturn(14);
        WhatIfForm form = new WhatIfForm();
        form.setSubmitted(true);
        form.setSize(size);
        form.setArchitecture(architecture);
        form.setNatInstanceType("t4g.micro");
        return form;
    }

    private static Optional<WhatIfPlan> plan(WhatIfForm form, BeanPropertyBindingResult errors, Environment environment) {
        return WhatIfPlanner.plan(form, environment, BERLIN_OFFICE, errors);
    }

    @Test
    void aValidChoiceBecomesSizingAndScheduleKeepingTheEnvironmentsLogRetentionAndZone() {
        WhatIfForm form = form("512/2048", "X86_64");
        form.setFargateSpot(true);
        form.setNatSpot(true);
        form.setSchedule("WEEKDAYS_07_19");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "whatIf");

        WhatIfPlan plan = plan(form, errors, environment).orElseThrow();

        assertThat(errors.hasErrors()).isFalse();
        assertThat(plan.sizing().vcpu()).isEqualByComparingTo("0.5");
        assertThat(plan.sizing().memoryGb()).isEqualByComparingTo("2");
        assertThat(plan.sizing().architecture()).isEqualTo(Architecture.X86_64);
        assertThat(plan.sizing()).extracting(EnvironmentSizing::fargateSpot, EnvironmentSizing::natSpot,
                EnvironmentSizing::natInstanceType, EnvironmentSizing::logRetentionDays)
                .containsExactly(true, true, "t4g.micro", 14);
        assertThat(plan.schedule().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(plan.schedule().windows()).hasSize(5).first()
                .isEqualTo(ScheduleWindow.of(DayOfWeek.MONDAY, "07:00", "19:00"));
    }

    @Test
    void fargateSpotWithArmIsPlanned() {
        WhatIfForm form = form("256/512", "ARM64");
        form.setFargateSpot(true);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "whatIf");

        WhatIfPlan plan = plan(form, errors, environment).orElseThrow();

        assertThat(errors.hasErrors()).isFalse();
        assertThat(plan.sizing()).extracting(EnvironmentSizing::architecture, EnvironmentSizing::fargateSpot)
                .containsExactly(Architecture.ARM64, true);
    }

    @Test
    void currentKeepsTheScheduleAndCustomDaysWithoutTimesAreOff() {
        WhatIfForm current = form("256/512", "ARM64");
        assertThat(plan(current, new BeanPropertyBindingResult(current, "whatIf"), environment).orElseThrow().schedule())
                .isSameAs(BERLIN_OFFICE);

        WhatIfForm custom = form("256/512", "ARM64");
        custom.setSchedule("CUSTOM");
        custom.getStart()[5] = "10:00";
        custom.getEnd()[5] = "00:00";
        Schedule schedule = plan(custom, new BeanPropertyBindingResult(custom, "whatIf"), environment).orElseThrow()
                .schedule();
        assertThat(schedule.windows()).containsExactly(ScheduleWindow.of(DayOfWeek.SATURDAY, "10:00", "00:00"));
        assertThat(MonthlyHours.hours(schedule.hoursOn(CostTestConfiguration.NOW,
                CostTestConfiguration.NOW.plus(MonthlyHours.SAMPLE)))).isEqualByComparingTo(new BigDecimal(4 * 14));
    }

    @Test
    void everyProblemIsReportedBesideItsField() {
        WhatIfForm form = form("512/512", "ARM64");
        form.setNatInstanceType("m5.large");
        form.setSchedule("CUSTOM");
        form.getStart()[0] = "09:00";
        form.getStart()[1] = "9 o'clock";
        form.getEnd()[1] = "17:00";
        form.getStart()[2] = "10:00";
        form.getEnd()[2] = "10:00";
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "whatIf");

        assertThat(plan(form, errors, environment)).isEmpty();

        assertThat(errors.getFieldErrors()).extracting(FieldError::getField, FieldError::getDefaultMessage).containsExactly(
                org.assertj.core.groups.Tuple.tuple("size", "Memory 512 MiB does not fit 0.5 vCPU; Fargate allows"
                        + " 1024 to 4096 in steps of 1024 MiB with that CPU."),
                org.assertj.core.groups.Tuple.tuple("natInstanceType", "Choose one of [t4g.nano, t4g.micro, t4g.small,"
                        + " t3.nano, t3.micro, t3a.nano, t3a.micro]."),
                org.assertj.core.groups.Tuple.tuple("end[0]", "Give both times, or neither for a day off."),
                org.assertj.core.groups.Tuple.tuple("start[1]", "Write the time as HH:MM, e.g. 08:00."),
                org.assertj.core.groups.Tuple.tuple("end[2]", "The end must differ from the start (00:00 to 00:00 is"
                        + " the whole day)."));
    }

    @Test
    void missingOrMadeUpChoicesAreAskedFor() {
        WhatIfForm form = form(null, "SPARC");
        form.setSchedule("MOSTLY");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "whatIf");

        assertThat(plan(form, errors, environment)).isEmpty();
        assertThat(errors.getFieldErrors()).extracting(FieldError::getField)
                .containsExactly("size", "architecture", "schedule");
    }
}
