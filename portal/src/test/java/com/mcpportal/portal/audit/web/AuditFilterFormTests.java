package com.mcpportal.portal.audit.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import com.mcpportal.portal.audit.AuditCursor;
import com.mcpportal.portal.audit.AuditRequest;
import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.web.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the audit page's query parameters: zones, times, scope checks, cursors and links. */
class AuditFilterFormTests {

    private static final AuditScope OWNER = AuditScope.ofTeams(Map.of(3L, "Core", 4L, "Edge"));
    private static final AuditScope ADMIN = AuditScope.everything(Map.of(3L, "Core"));

    @Test
    void timesAreTypedInTheChosenZoneAndSearchedInUtc() {
        AuditRequest request = form("", "2026-03-01T09:00", "2026-07-01", "Europe/Berlin", "Asia/Tokyo").parse(OWNER);

        assertThat(request.valid()).isTrue();
        assertThat(request.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(request.filter().since()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z")); // CET, UTC+1
        assertThat(request.filter().until()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z")); // CEST, UTC+2
    }

    @Test
    void withoutAChosenZoneTheBrowsersZoneIsUsedAndWithoutThatUtc() {
        assertThat(form("", "2026-03-01T09:00", "", "", "Asia/Tokyo").parse(OWNER).filter().since())
                .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(form("", "", "", "", "").parse(OWNER).zone().getId()).isEqualTo("UTC");
        assertThat(form("", "", "", "", "Not/AZone").parse(OWNER).valid()).as("a browser's odd zone is no error").isTrue();
    }

    @Test
    void badInputIsExplainedPerField() {
        AuditFilterForm form = new AuditFilterForm(null, "x".repeat(101), null, null, null, "sometimes", "yesterday",
                "2020-01-01", null, "Mars/Olympus", null, null, null, null);

        assertThat(form.parse(OWNER).errors()).containsOnlyKeys("actor", "outcome", "since", "zone");
        assertThat(form("", "2026-03-02", "2026-03-01", "UTC", "").parse(OWNER).errors())
                .containsEntry("until", "Until must be after From.");
    }

    @Test
    void aTeamOutsideTheReadersScopeIsAnsweredLikeAMissingOne() {
        assertThat(form("4", "", "", "", "").parse(OWNER).filter().teamId()).isEqualTo(4L);
        assertThatThrownBy(() -> form("5", "", "", "", "").parse(OWNER)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> form("platform", "", "", "", "").parse(OWNER)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> form("abc", "", "", "", "").parse(OWNER)).isInstanceOf(NotFoundException.class);
        assertThat(form("platform", "", "", "", "").parse(ADMIN).filter().platformOnly()).isTrue();
        assertThat(form("99", "", "", "", "").parse(ADMIN).filter().teamId()).as("admins read every team").isEqualTo(99L);
    }

    @Test
    void cursorsAndLinksKeepTheFilterButNotThePosition() {
        AuditFilterForm form = new AuditFilterForm("3", "alice", "environment.*", null, null, "DENIED", null, null,
                "50% off & more", "UTC", "Europe/Berlin", "120", null, "20");
        AuditRequest request = form.parse(OWNER);

        assertThat(request.cursor()).isEqualTo(AuditCursor.olderThan(120));
        assertThat(request.size()).isEqualTo(20);
        assertThat(form.link("/audit", Map.of("after", 99L))).isEqualTo("/audit?team=3&actor=alice&action=environment.*"
                + "&outcome=DENIED&text=50%25%20off%20%26%20more&zone=UTC&browserZone=Europe/Berlin&size=20&after=99");
        assertThat(form.zoneUnknown()).isFalse();
    }

    private static AuditFilterForm form(String team, String since, String until, String zone, String browserZone) {
        return new AuditFilterForm(team, null, null, null, null, null, since, until, null, zone, browserZone, null,
                null, null);
    }
}
