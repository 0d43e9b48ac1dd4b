package com.mcpportal.portal.schedule.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.servlet.http.Cookie;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.schedule.DateException;
import com.mcpportal.portal.schedule.MirrorStatus;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleRejectedException;
import com.mcpportal.portal.schedule.ScheduleService;
import com.mcpportal.portal.schedule.ScheduleValidator;
import com.mcpportal.portal.schedule.StoredSchedule;
import com.mcpportal.portal.schedule.power.ReadyEnvironments;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.security.PortalWebMvcTest;
import com.mcpportal.portal.security.RoleRequiredException;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.Flash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The schedule page and its forms: what it shows, and every mistake explained beside its field. */
@PortalWebMvcTest({ScheduleController.class, TeamScheduleController.class})
@Import({SchedulePages.class, ScheduleControllerTests.FixedClock.class})
class ScheduleControllerTests {

    /** Monday 7 December 2026, 10:00 in Berlin. */
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final PortalUserPrincipal ALICE = PortalUserPrincipal.of(1, "alice", false);
    static final String PAGE = "/teams/7/environments/42/schedule";

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TeamAccess access;

    @MockitoBean
    EnvironmentService environments;

    @MockitoBean
    ScheduleService schedules;

    @MockitoBean
    ReadyEnvironments readyEnvironments;

    @BeforeEach
    void setUp() {
        Environment environment = mock(Environment.class);
        given(environment.getId()).willReturn(42L);
        given(environment.getTeamId()).willReturn(7L);
        given(environment.getName()).willReturn("voice-prod");
        given(environment.getState()).willReturn(EnvironmentState.READY);
        given(environment.getPower()).willReturn(EnvironmentPower.ON);
        given(environments.get(7, 42)).willReturn(environment);
        given(access.require(7, TeamRole.VIEWER)).willReturn(new TeamGrant(7, "Voice", TeamRole.OPERATOR, false));
        given(access.require(7, TeamRole.OPERATOR)).willReturn(new TeamGrant(7, "Voice", TeamRole.OPERATOR, false));
        given(schedules.scheduleOf(7, 42)).willReturn(new StoredSchedule(Schedule.defaultFor(BERLIN),
                StoredSchedule.Source.OWN, NOW.minusSeconds(3600), "bob"));
        given(schedules.armedEdge(42)).willReturn(Optional.of(Instant.parse("2026-12-07T19:00:00Z")));
        given(schedules.mirrorOf(7, 42)).willReturn(MirrorStatus.OFF);
        given(readyEnvironments.one(anyLong())).willReturn(Optional.empty());
        // The real rules: the service validates with ScheduleValidator and refuses with its errors.
        given(schedules.replace(eq(7L), eq(42L), any())).willAnswer(call -> validated(call.getArgument(2)));
        given(schedules.setOverride(eq(7L), eq(42L), any())).willAnswer(call ->
                validated(Schedule.defaultFor(BERLIN).withOverride(call.getArgument(2))));
    }

    @Test
    void thePageShowsTheGridTheNextChangesInBothZonesAndTheHoursOn() throws Exception {
        mvc.perform(get(PAGE).with(user(ALICE)).cookie(new Cookie(ViewerZone.COOKIE, "America/New_York")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Mon\u2013Fri 08:00\u201320:00 (Europe/Berlin)"),
                        containsString("Wanted now: on"),
                        containsString("window Mon 08:00\u201320:00 Europe/Berlin opened"),
                        containsString("<td class=\"nowrap\" data-label=\"In Europe/Berlin\">Mon 20:00 CET</td>"),
                        containsString("<td class=\"nowrap\" data-label=\"Your time\">Mon 14:00 EST</td>"),
                        containsString("Your time (America/New_York)"),
                        containsString("<td class=\"nowrap\" data-label=\"When\">in 10 h</td>"),
                        containsString("Tue 08:00 CET"),
                        containsString("title=\"Mon 08:00\u201309:00: on\""),
                        containsString("title=\"Sat 08:00\u201309:00: off\""),
                        containsString("On for about"),
                        containsString("The scheduler is armed for Mon 20:00 CET."),
                        containsString("Save schedule"))));
    }

    @Test
    void keepHoursInAwsIsTurnedOnFromThePageWhichThenShowsTheMirrorsStateWithTheCloudsMessage() throws Exception {
        mvc.perform(get(PAGE).with(user(ALICE))).andExpect(content().string(allOf(
                containsString("<input type=\"hidden\" name=\"keep\" value=\"true\">"),
                containsString("Keep hours in AWS</button>"), not(containsString("Mirror:")))));

        mvc.perform(post(PAGE + "/mirror").param("keep", "true").with(user(ALICE)).with(csrf()))
                .andExpect(redirectedUrl(PAGE)).andExpect(flash().attribute("flash", new Flash("success",
                        "The hours of voice-prod are kept in AWS from the next reconcile pass (within a minute), so they"
                                + " go on while the portal is down.", null)));
        verify(schedules).keepHoursInCloud(7, 42, true);

        given(schedules.mirrorOf(7, 42)).willReturn(new MirrorStatus(true, MirrorStatus.State.FAILED,
                "AccessDeniedException: not authorized to perform iam:PassRole", Instant.parse("2026-12-07T19:01:00Z")));
        mvc.perform(get(PAGE).with(user(ALICE))).andExpect(content().string(allOf(
                containsString("Mirror: failed"), containsString("not authorized to perform iam:PassRole"),
                containsString("Stop keeping hours in AWS</button>"))));
    }

    @Test
    void resumeScheduleOnTheEnvironmentPageClearsTheHoldAndReturnsThere() throws Exception {
        given(schedules.clearOverride(7, 42)).willReturn(Schedule.defaultFor(BERLIN));

        mvc.perform(post(PAGE + "/override/clear").param("back", "environment").with(user(ALICE)).with(csrf()))
                .andExpect(redirectedUrl("/teams/7/environments/42"));
        mvc.perform(post(PAGE + "/override/clear").with(user(ALICE)).with(csrf()))
                .andExpect(redirectedUrl(PAGE));
        verify(schedules, times(2)).clearOverride(7, 42);
    }

    @Test
    void aViewerReadsButCannotChange() throws Exception {
        given(access.require(7, TeamRole.VIEWER)).willReturn(new TeamGrant(7, "Voice", TeamRole.VIEWER, false));
        given(access.require(7, TeamRole.OPERATOR)).willThrow(new RoleRequiredException("This needs the Operator role"));

        mvc.perform(get(PAGE).with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Mon 20:00 CET"), not(containsString("Save schedule")),
                        not(containsString("Set override")), containsString("Operators and owners of the team change"))));
        mvc.perform(post(PAGE).with(user(ALICE)).with(csrf()).param("zone", "UTC"))
                .andExpect(status().isForbidden());
        verify(schedules, never()).replace(anyLong(), anyLong(), any());
    }

    @Test
    void mistakesAreExplainedBesideTheirRowsAndNothingIsSaved() throws Exception {
        // Row 1 is left blank: the errors of rows 2 and 3 must still land on rows 2 and 3.
        mvc.perform(save().param("zone", "Europe/Berlinn")
                        .param("windows[0].day", "MONDAY").param("windows[0].start", "08:00").param("windows[0].end", "20:00")
                        .param("windows[2].day", "MONDAY").param("windows[2].start", "19:00").param("windows[2].end", "21:00")
                        .param("windows[3].day", "TUESDAY").param("windows[3].start", "09:00").param("windows[3].end", "9:00")
                        .param("windows[4].day", "WEDNESDAY").param("windows[4].start", "25:00").param("windows[4].end", "10:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Unknown time zone &quot;Europe/Berlinn&quot;"),
                        containsString("&quot;25:00&quot; is not a time"))));

        mvc.perform(save().param("zone", "Europe/Berlin")
                        .param("windows[0].day", "MONDAY").param("windows[0].start", "08:00").param("windows[0].end", "20:00")
                        .param("windows[2].day", "MONDAY").param("windows[2].start", "19:00").param("windows[2].end", "21:00")
                        .param("windows[3].day", "TUESDAY").param("windows[3].start", "09:00").param("windows[3].end", "09:00")
                        .param("windows[4].day", "WEDNESDAY").param("windows[4].start", "08:00").param("windows[4].end", "10:00")
                        .param("exceptions[0].first", "2026-12-24").param("exceptions[0].last", "2026-12-20")
                        .param("exceptions[0].state", "OFF"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Overlaps the window Mon 08:00\u201320:00."),
                        containsString("Overlaps the window Tue 09:00\u201309:00."),
                        containsString("The last day (2026-12-20) is before the first day (2026-12-24)."),
                        // Each message sits in the cell of the row it is about.
                        containsString("id=\"windows2.start\" name=\"windows[2].start\" value=\"19:00\""),
                        containsString("id=\"windows3.end\" name=\"windows[3].end\" value=\"09:00\""))))
                .andExpect(content().string(containsString("<p class=\"field-error\">Overlaps the window Mon 08:00\u201320:00.</p>")));
    }

    @Test
    void aRefusedWindowKeepsWhatWasTypedAndSaysWhyAtTheTopAndBesideTheRow() throws Exception {
        // Given the saved Mon–Fri 08:00–20:00, when a second Monday window overlapping the first is saved
        String page = mvc.perform(save().param("zone", "Europe/Berlin")
                        .param("windows[0].day", "MONDAY").param("windows[0].start", "08:00").param("windows[0].end", "20:00")
                        .param("windows[1].day", "MONDAY").param("windows[1].start", "19:30").param("windows[1].end", "22:00"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        // Then the top of the page (where the browser lands) says it was not saved and links to the row
        assertThat(page).contains("Not saved: 1 problem. What you typed is kept below.")
                .contains("<a href=\"#windows1.start\">Overlaps the window Mon 08:00\u201320:00.</a>");
        assertThat(page.indexOf("id=\"schedule-error-summary\"")).as("the summary comes before the saved schedule")
                .isPositive().isLessThan(page.indexOf("id=\"schedule-summary\""));
        // and the row keeps the typed times, with the error beside it
        assertThat(page).contains("id=\"windows1.start\" name=\"windows[1].start\" value=\"19:30\"")
                .contains("id=\"windows1.end\" name=\"windows[1].end\" value=\"22:00\"")
                .contains("<p class=\"field-error\">Overlaps the window Mon 08:00\u201320:00.</p>");
        verify(schedules).replace(eq(7L), eq(42L), any());
    }

    @Test
    void aWindowFromEightToEightIsSavedAsTwentyFourHoursAsTheHintSays() throws Exception {
        mvc.perform(get(PAGE).with(user(ALICE))).andExpect(content().string(
                containsString("an end equal to the start runs 24 hours (08:00–08:00 until 08:00 the")));

        mvc.perform(save().param("zone", "Europe/Berlin")
                        .param("windows[0].day", "MONDAY").param("windows[0].start", "08:00").param("windows[0].end", "08:00"))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flashMessage("Mon 08:00\u201308:00 (Europe/Berlin)"));
    }

    @Test
    void aPresetFillsTheWeekKeepsZoneAndExceptionsAndSavesNothing() throws Exception {
        // Given a form with a Saturday window, a Christmas exception and Tokyo time, when Office hours is pressed
        mvc.perform(save().param("preset", "OFFICE_HOURS").param("zone", "Asia/Tokyo").param("enabled", "false")
                        .param("windows[0].day", "SATURDAY").param("windows[0].start", "10:00").param("windows[0].end", "14:00")
                        .param("exceptions[0].first", "2026-12-25").param("exceptions[0].state", "OFF"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Filled the week with Office hours 09–18 (Mon–Fri 09:00–18:00). Not saved yet"),
                        containsString("name=\"windows[0].start\" value=\"09:00\""),
                        containsString("name=\"windows[4].end\" value=\"18:00\""),
                        containsString("<option value=\"FRIDAY\" selected=\"selected\">Friday</option>"),
                        not(containsString("value=\"14:00\"")),
                        containsString("name=\"zone\" value=\"Asia/Tokyo\""),
                        containsString("name=\"exceptions[0].first\" value=\"2026-12-25\""),
                        containsString("value=\"true\" id=\"enabled-true\" name=\"enabled\" checked=\"checked\""))));
        verify(schedules, never()).replace(anyLong(), anyLong(), any());
    }

    @Test
    void copyMondayReplacesTuesdayToFridayAndKeepsTheWeekend() throws Exception {
        mvc.perform(save().param("copy", "MONDAY").param("zone", "Europe/Berlin")
                        .param("windows[0].day", "MONDAY").param("windows[0].start", "07:30").param("windows[0].end", "16:00")
                        .param("windows[1].day", "TUESDAY").param("windows[1].start", "08:00").param("windows[1].end", "20:00")
                        .param("windows[2].day", "SUNDAY").param("windows[2].start", "10:00").param("windows[2].end", "12:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Copied Monday&#39;s windows to Tuesday–Friday. Not saved yet"),
                        containsString("name=\"windows[1].day\""),
                        containsString("name=\"windows[5].end\" value=\"16:00\""),
                        not(containsString("value=\"20:00\"")),
                        containsString("name=\"windows[1].start\" value=\"10:00\""))));
        verify(schedules, never()).replace(anyLong(), anyLong(), any());
    }

    @Test
    void theExceptionsAreListedAndOneIsDeletedKeepingTheRest() throws Exception {
        java.time.LocalDate christmas = java.time.LocalDate.parse("2026-12-24");
        Schedule withHolidays = Schedule.defaultFor(BERLIN).withExceptions(java.util.List.of(
                DateException.off(christmas, christmas.plusDays(2)), DateException.on(christmas.plusDays(7))));
        given(schedules.scheduleOf(7, 42)).willReturn(new StoredSchedule(withHolidays, StoredSchedule.Source.OWN,
                NOW.minusSeconds(3600), "bob"));

        mvc.perform(get(PAGE).with(user(ALICE))).andExpect(content().string(allOf(
                containsString(">" + withHolidays.exceptions().get(0).label() + "</span>"),
                containsString("aria-label=\"Delete exception " + withHolidays.exceptions().get(1).label() + "\""))));

        mvc.perform(post(PAGE + "/exceptions/delete").with(user(ALICE)).with(csrf()).param("first", "2026-12-24")
                        .param("last", "2026-12-26"))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flashMessage("Deleted the exception " + withHolidays.exceptions().get(0).label() + "."));
        verify(schedules).replace(eq(7L), eq(42L),
                org.mockito.ArgumentMatchers.argThat(plan -> plan.exceptions().equals(
                        java.util.List.of(DateException.on(christmas.plusDays(7))))));
    }

    @Test
    void theTeamDefaultTakesAPresetToo() throws Exception {
        given(schedules.teamDefault(7)).willReturn(new StoredSchedule(Schedule.defaultFor(BERLIN),
                StoredSchedule.Source.PORTAL_DEFAULT, null, null));

        mvc.perform(post("/teams/7/schedules/default").with(user(ALICE)).with(csrf()).param("preset", "ALWAYS_ON")
                        .param("zone", "Europe/Berlin"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Filled the week with Always on"),
                        containsString("<option value=\"SUNDAY\" selected=\"selected\">Sunday</option>"),
                        containsString("name=\"windows[6].end\" value=\"00:00\""))));
        verify(schedules, never()).replaceTeamDefault(anyLong(), any());
    }

    @Test
    void cpuAutoscalingIsSetFromTheSchedulePageAndARangeThatCannotBeIsRefusedWithWhy() throws Exception {
        mvc.perform(get(PAGE).with(user(ALICE))).andExpect(content().string(allOf(
                containsString("One task while on"), containsString("Scale on CPU</button>"),
                not(containsString("Run one task</button>")))));

        mvc.perform(post(PAGE + "/autoscaling").param("minTasks", "2").param("maxTasks", "4").param("cpuTarget", "60")
                        .with(user(ALICE)).with(csrf()))
                .andExpect(redirectedUrl(PAGE)).andExpect(flash().attribute("flash", new Flash("success",
                        "voice-prod runs 2 to 4 tasks while on, scaled on CPU around 60 %, from its next start.",
                        null)));
        verify(environments).setAutoscaling(7, 42, new com.mcpportal.portal.cloud.TaskRange(2, 4, 60));

        mvc.perform(post(PAGE + "/autoscaling").param("minTasks", "5").param("maxTasks", "4").param("cpuTarget", "9O")
                        .with(user(ALICE)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("Not saved: 2 problems. What you typed is kept below."),
                        containsString("Most tasks: at least the fewest (5)."),
                        containsString("The CPU target: a whole number from 10 to 90."),
                        containsString("value=\"9O\""), containsString("aria-invalid=\"true\""))));
        mvc.perform(post(PAGE + "/autoscaling").param("minTasks", "").param("maxTasks", "11").param("cpuTarget", "60")
                        .with(user(ALICE)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("Fewest tasks: a whole number from 1 to 10."),
                        containsString("Most tasks: a whole number from 1 to 10."))));
        verify(environments, times(1)).setAutoscaling(eq(7L), eq(42L), any());
        verify(environments, never()).setAutoscaling(7, 42, null);
    }

    @Test
    void theTeamDefaultPageTurnsKeepHoursInAwsOnForNewEnvironments() throws Exception {
        given(schedules.teamDefault(7)).willReturn(new StoredSchedule(Schedule.defaultFor(BERLIN),
                StoredSchedule.Source.PORTAL_DEFAULT, null, null));
        mvc.perform(get("/teams/7/schedules/default").with(user(ALICE))).andExpect(content().string(allOf(
                containsString("Off for new environments"),
                containsString("<input type=\"hidden\" name=\"keep\" value=\"true\">"),
                containsString("Keep hours in AWS for new environments</button>"))));

        mvc.perform(post("/teams/7/schedules/default/mirror").param("keep", "true").with(user(ALICE)).with(csrf()))
                .andExpect(redirectedUrl("/teams/7/schedules/default"))
                .andExpect(flash().attribute("flash", new Flash("success", "New environments of the team keep their"
                        + " hours in AWS; existing ones keep their own setting.", null)));
        verify(schedules).teamKeepsHoursInCloud(7, true);

        given(schedules.teamKeepsHoursInCloud(7)).willReturn(true);
        mvc.perform(get("/teams/7/schedules/default").with(user(ALICE))).andExpect(content().string(allOf(
                containsString("On for new environments"),
                containsString("Stop keeping hours in AWS for new environments</button>"))));
    }

    @Test
    void aValidScheduleIsSavedAndThePageSaysWhat() throws Exception {
        mvc.perform(save().param("zone", "America/New_York").param("enabled", "true").param("whenDisabled", "ALWAYS_OFF")
                        .param("windows[0].day", "SATURDAY").param("windows[0].start", "22:00").param("windows[0].end", "02:00")
                        .param("windows[1].day", "MONDAY").param("windows[1].start", "07:00").param("windows[1].end", "24:00")
                        .param("windows[2].day", "TUESDAY").param("windows[2].start", "07:00").param("windows[2].end", "09:00")
                        .param("windows[2].remove", "true")
                        .param("exceptions[0].first", "2026-12-25").param("exceptions[0].state", "OFF"))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flashMessage("Mon 07:00\u201324:00, Sat 22:00\u201302:00 (America/New_York)"));
    }

    @Test
    void anOverrideInThePastIsRefusedBesideItsEnd() throws Exception {
        mvc.perform(post(PAGE + "/override").with(user(ALICE)).with(csrf()).param("state", "ON")
                        .param("until", "2026-12-07 09:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The override must end in the future.")));
        mvc.perform(post(PAGE + "/override").with(user(ALICE)).with(csrf()).param("state", "OFF")
                        .param("until", "tomorrow"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give the date and time it ends")));
        mvc.perform(post(PAGE + "/override").with(user(ALICE)).with(csrf()).param("state", "OFF")
                        .param("until", "2026-12-07 22:30"))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flashMessage("Override set: keep off until Mon 7 Dec 22:30 CET"));
    }

    @Test
    void anArchivedTeamChangesNothing() throws Exception {
        given(access.require(7, TeamRole.OPERATOR)).willReturn(new TeamGrant(7, "Voice", TeamRole.OPERATOR, true));

        mvc.perform(save().param("zone", "UTC")).andExpect(status().isOk())
                .andExpect(content().string(containsString("This team is archived.")));
        verify(schedules, never()).replace(anyLong(), anyLong(), any());
    }

    static ResultMatcher flashMessage(String text) {
        return result -> assertThat(((Flash) result.getFlashMap().get(Flash.ATTRIBUTE)).message()).contains(text);
    }

    private MockHttpServletRequestBuilder save() {
        return post(PAGE).with(user(ALICE)).with(csrf());
    }

    private static Schedule validated(Schedule schedule) {
        var errors = ScheduleValidator.validate(schedule, NOW);
        if (!errors.isEmpty()) {
            throw new ScheduleRejectedException(errors);
        }
        return schedule;
    }
}
