package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


/** What a team owner does with a schedule in a real browser: edit it, read the grid and the coming changes, override. */
class ScheduleBrowserIntegrationTests extends BrowserTestSupport {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    ApplicationContext context;

    @Test
    void ownerEditsTheScheduleSeesTheGridAndTheChangesMoveAndSetsAnOverride() {
        Team team = data.team("Browser Schedules", data.admin());
        Environment environment = new Environments(context).draft(team.getId(), "voice");

        browser.signIn("admin", "admin-password-for-tests")
                .open("/teams/" + team.getId() + "/environments/" + environment.getId());
        assertThat(browser.texts("#schedule-summary").get(0)).contains("Mon\u2013Fri 08:00\u201320:00 (UTC)");
        browser.follow("Schedule and overrides");
        awaitViewerZone("UTC"); // the page learns the browser's zone and shows itself once more with it
        assertThat(browser.heading()).isEqualTo("Schedule of " + environment.getName());
        assertThat(browser.text()).as("a copy of the (portal's) default, made when the environment was created")
                .contains("Last changed by system").doesNotContainIgnoringCase("Your time");
        List<String> transitionsBefore = browser.texts("#transitions tbody tr");
        int patternOnBefore = onCells("pattern-grid");
        assertThat(patternOnBefore).as("Mon–Fri, 12 hours each").isEqualTo(60);

        // A mistake first: it is explained beside the field and nothing changes.
        browser.fill("windows0.end", "25:00").press("Save schedule");
        assertThat(browser.texts(".field-error")).contains("\"25:00\" is not a time; use HH:MM between 00:00 and 24:00.");
        assertThat(browser.texts("#schedule-error-summary").get(0)).as("said at the top, where the page lands")
                .contains("Not saved: 1 problem.").contains("\"25:00\" is not a time");
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("schedule-error-summary");
        assertThat(browser.texts("#schedule-summary").get(0)).contains("Mon\u2013Fri 08:00\u201320:00 (UTC)");

        // Berlin time, Monday mornings only, and a Saturday window in a row added with the button.
        int rows = browser.texts("#window-rows tbody tr").size();
        browser.script("document.querySelector('button[data-rows=window-rows]').click()");
        assertThat(browser.texts("#window-rows tbody tr")).hasSize(rows + 1);
        browser.fill("zone", "Europe/Berlin").fill("windows0.end", "12:00")
                .choose("windows" + rows + ".day", "Saturday").fill("windows" + rows + ".start", "10:00")
                .fill("windows" + rows + ".end", "14:00")
                .press("Save schedule");
        awaitViewerZone("UTC");

        assertThat(browser.flash()).contains("Saved the schedule of " + environment.getName());
        assertThat(browser.texts("#schedule-summary").get(0))
                .isEqualTo("Mon 08:00\u201312:00, Tue\u2013Fri 08:00\u201320:00, Sat 10:00\u201314:00 (Europe/Berlin)");
        assertThat(onCells("pattern-grid")).as("8 hours less on Monday (08–12 only), 4 more on Saturday").isEqualTo(56);
        assertThat(browser.script("return document.querySelector('#pattern-grid [title=\"Sat 10:00\u201311:00: on\"]')"
                + ".classList.contains('on')")).isEqualTo(true);
        assertThat(browser.script("return document.querySelector('#pattern-grid [title=\"Mon 13:00\u201314:00: off\"]')"
                + ".classList.contains('off')")).isEqualTo(true);
        List<String> transitionsAfter = browser.texts("#transitions tbody tr");
        assertThat(transitionsAfter).hasSize(5).isNotEqualTo(transitionsBefore);
        assertThat(transitionsAfter.get(0)).containsPattern("(starts|stops) \\w{3} \\d\\d:00 CES?T \\w{3} \\d\\d:00 UTC in ");
        assertThat(browser.text()).containsIgnoringCase("Your time (UTC)");
        browser.screenshot("schedule-edited");

        // Keep it on until a Sunday night, when no window is open: the override's end is the next change.
        ZonedDateTime until = ZonedDateTime.now(BERLIN).plusDays(1).with(TemporalAdjusters.next(DayOfWeek.SUNDAY))
                .withHour(3).withMinute(0).withSecond(0).withNano(0);
        int comingOnBefore = onCells("coming-grid");
        browser.fill("until", until.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        browser.script("document.getElementById('override-on').checked = true");
        browser.press("Set override");
        awaitViewerZone("UTC");

        assertThat(browser.flash()).contains("Override set: keep on until Sun");
        assertThat(browser.texts("#active-override").get(0)).contains("keep on until Sun")
                .contains(until.format(DateTimeFormatter.ofPattern("d MMM 03:00")));
        assertThat(browser.texts("#desired-state")).containsExactly("Wanted now: on");
        assertThat(onCells("coming-grid")).as("the override fills the coming days").isGreaterThan(comingOnBefore);
        assertThat(browser.texts("#transitions tbody tr").get(0)).startsWith("stops Sun 03:00")
                .contains("manual override (keep on until").contains("expired");
        browser.screenshot("schedule-override");

        browser.press("Clear override");
        assertThat(browser.flash()).contains("Override cleared");
        assertThat(browser.texts("#no-override")).isNotEmpty();
        List<String> cleared = browser.texts("#transitions tbody tr");
        assertThat(cleared).as("the weekly windows decide again").hasSize(5)
                .noneMatch(row -> row.contains("manual override"));
        assertThat(cleared.get(0).replaceAll(" in .*", ""))
                .isEqualTo(transitionsAfter.get(0).replaceAll(" in .*", ""));

        browser.open("/teams/" + team.getId() + "/schedules");
        assertThat(browser.texts("#team-schedules tbody tr")).singleElement().asString()
                .contains(environment.getName()).contains("(Europe/Berlin)").containsPattern("(starts|stops) \\w{3}");
    }

    @Test
    void ownerFillsTheWeekWithAPresetCopiesMondayAndDeletesAHolidayFromTheList() {
        Team team = data.team("Browser Presets", data.admin());
        Environment environment = new Environments(context).draft(team.getId(), "preset");
        browser.signIn("admin", "admin-password-for-tests")
                .open("/teams/" + team.getId() + "/environments/" + environment.getId() + "/schedule");
        awaitViewerZone("UTC");
        assertThat(onCells("pattern-grid")).as("the default, Mon–Fri 08–20").isEqualTo(60);

        // Office hours in one click: the rows are filled, nothing is saved until Save
        browser.fill("exceptions0.first", "2031-12-25").press("Office hours 09\u201318");
        awaitViewerZone("UTC");
        assertThat(browser.texts("#schedule-filled").get(0)).contains("Filled the week with Office hours 09\u201318")
                .contains("Not saved yet");
        assertThat(browser.texts("#schedule-summary").get(0)).contains("Mon\u2013Fri 08:00\u201320:00 (UTC)");
        assertThat(browser.script("return document.getElementById('windows4.end').value")).isEqualTo("18:00");
        assertThat(browser.script("return document.getElementById('exceptions0.first').value"))
                .as("the holiday typed before the preset is kept").isEqualTo("2031-12-25");
        browser.screenshot("schedule-preset-filled");

        // Monday ends at 13:00 instead, copied to the other weekdays, then saved
        browser.fill("windows0.end", "13:00").press("Copy Monday to Tue\u2013Fri");
        awaitViewerZone("UTC");
        browser.press("Save schedule");
        awaitViewerZone("UTC");
        assertThat(browser.flash()).contains("Saved the schedule of " + environment.getName());
        assertThat(browser.texts("#schedule-summary").get(0)).isEqualTo("Mon\u2013Fri 09:00\u201313:00 (UTC)");
        assertThat(onCells("pattern-grid")).as("Mon–Fri, 4 hours each").isEqualTo(20);

        // The holiday is listed on the page with its own Delete
        assertThat(browser.texts("#exceptions li")).singleElement().asString().contains("2031-12-25");
        browser.press("Delete");
        awaitViewerZone("UTC");
        assertThat(browser.flash()).contains("Deleted the exception").contains("2031-12-25");
        assertThat(browser.texts("#no-exceptions")).isNotEmpty();
        assertThat(browser.texts("#schedule-summary").get(0)).isEqualTo("Mon\u2013Fri 09:00\u201313:00 (UTC)");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private int onCells(String gridId) {
        return ((Number) browser.script("return document.querySelectorAll('#" + gridId + " .wg-cell.on').length"))
                .intValue();
    }

    /** Waits until the page was rendered knowing the browser's zone (schedule.js reloads it once to tell it). */
    private void awaitViewerZone(String zone) {
        await("the page showing the viewer's zone " + zone).atMost(Duration.ofSeconds(20))
                .until(() -> zone.equals(browser.script("var page = document.getElementById('schedule-page');"
                        + " return document.readyState === 'complete' && page ? page.dataset.viewerZone : null")));
    }
}
