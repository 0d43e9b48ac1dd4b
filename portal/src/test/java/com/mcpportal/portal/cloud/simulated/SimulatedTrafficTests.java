package com.mcpportal.portal.cloud.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mcpportal.portal.cloud.HourlyRequests;

/** The simulated cloud's made-up MCP traffic: the same figures every time, and figures that look like traffic. */
class SimulatedTrafficTests {

    private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void anHoursFiguresDependOnlyOnTheEnvironmentAndTheHour() {
        HourlyRequests first = SimulatedTraffic.hour("a1b2c3", MONDAY_NOON, 1);

        assertThat(SimulatedTraffic.hour("a1b2c3", MONDAY_NOON, 1)).isEqualTo(first);
        assertThat(SimulatedTraffic.hour("a1b2c3", MONDAY_NOON.plus(Duration.ofHours(1)), 1)).isNotEqualTo(first);
        assertThat(SimulatedTraffic.busyness("a1b2c3")).isNotEqualTo(SimulatedTraffic.busyness("d4e5f6"));
    }

    @Test
    void aServerThatDidNotRunAnsweredNothingAndOneThatRanPartOfTheHourAnsweredPartOfIt() {
        assertThat(SimulatedTraffic.hour("a1b2c3", MONDAY_NOON, 0)).isEqualTo(new HourlyRequests(MONDAY_NOON, 0, 0));
        long whole = SimulatedTraffic.hour("a1b2c3", MONDAY_NOON, 1).requests();
        long half = SimulatedTraffic.hour("a1b2c3", MONDAY_NOON, 0.5).requests();
        assertThat(half).isBetween(whole / 2 - 1, whole / 2 + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a1b2c3", "prod-eu", "0", "zz-test-environment-with-a-long-id-00001"})
    void twoWeeksLookLikeRealTraffic(String environmentId) {
        List<HourlyRequests> hours = new ArrayList<>();
        for (int h = 0; h < 14 * 24; h++) {
            hours.add(SimulatedTraffic.hour(environmentId, MONDAY_NOON.plus(Duration.ofHours(h)), 1));
        }
        long requests = hours.stream().mapToLong(HourlyRequests::requests).sum();
        long errors = hours.stream().mapToLong(HourlyRequests::errors).sum();

        assertThat(hours).allSatisfy(hour -> assertThat(hour.errors()).isBetween(0L, hour.requests()));
        assertThat(100.0 * errors / requests).as("overall error rate, percent").isBetween(0.3, 5.0);
        assertThat(hours).as("incident hours").filteredOn(hour -> hour.requests() >= 20
                && hour.errors() * 100 >= 8 * hour.requests()).isNotEmpty();
        assertThat(average(hours, 12, false)).as("weekday afternoons are busier than nights")
                .isGreaterThan(5 * average(hours, 2, false));
        assertThat(average(hours, 12, false)).as("and than weekend afternoons")
                .isGreaterThan(2 * average(hours, 12, true));
    }

    private static double average(List<HourlyRequests> hours, int hourOfDay, boolean weekend) {
        return hours.stream().filter(hour -> {
            var utc = hour.hour().atZone(ZoneOffset.UTC);
            boolean saturdayOrSunday = utc.getDayOfWeek().getValue() >= 6;
            return utc.getHour() == hourOfDay && saturdayOrSunday == weekend;
        }).mapToLong(HourlyRequests::requests).average().orElseThrow();
    }
}
