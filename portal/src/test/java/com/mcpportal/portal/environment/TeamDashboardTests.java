package com.mcpportal.portal.environment;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The month so far on the estimate's terms: the share of the month gone since the environment existed. */
class TeamDashboardTests {

    @Test
    void anEnvironmentOlderThanTheMonthCountsFromTheFirst() {
        // April has 30 days; noon on the 16th is 15.5 days in
        double gone = TeamDashboard.monthGone(Instant.parse("2027-04-16T12:00:00Z"),
                Instant.parse("2027-01-05T00:00:00Z"));

        assertThat(gone).isCloseTo(15.5 / 30, within(1e-9));
        assertThat(TeamDashboard.soFar(new BigDecimal("30.00"), gone)).isEqualByComparingTo("15.50");
    }

    @Test
    void anEnvironmentCreatedThisMonthCountsFromItsCreation() {
        double gone = TeamDashboard.monthGone(Instant.parse("2027-04-16T12:00:00Z"),
                Instant.parse("2027-04-14T12:00:00Z"));

        assertThat(gone).isCloseTo(2.0 / 30, within(1e-9));
        assertThat(TeamDashboard.soFar(new BigDecimal("30.00"), gone)).isEqualByComparingTo("2.00");
    }

    @Test
    void theFirstMomentOfTheMonthHasNothingGone() {
        assertThat(TeamDashboard.monthGone(Instant.parse("2027-02-01T00:00:00Z"), null)).isZero();
    }
}
