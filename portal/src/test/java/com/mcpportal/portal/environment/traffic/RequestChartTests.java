package com.mcpportal.portal.environment.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.HourlyRequests;

/** The bars are as tall as their hour's requests, relative to the busiest hour, with the errors in them. */
class RequestChartTests {

    @Test
    void barsScaleToTheBusiestHourAndShowTheirErrors() {
        RequestChart chart = RequestChart.of(List.of(hour("05:00", 0, 0), hour("06:00", 200, 50),
                hour("07:00", 50, 0), hour("08:00", 1, 1)));

        assertThat(chart.peak()).isEqualTo(200);
        assertThat(chart.viewBox()).isEqualTo("0 0 80 100");
        assertThat(chart.bars()).extracting(RequestChart.Bar::requestsHeight).containsExactly(0.0, 100.0, 25.0, 1.5);
        assertThat(chart.bars()).extracting(RequestChart.Bar::errorsHeight).containsExactly(0.0, 25.0, 0.0, 1.5);
        RequestChart.Bar busiest = chart.bars().get(1);
        assertThat(busiest.x()).isEqualTo(21);
        assertThat(busiest.requestsY()).isZero();
        assertThat(busiest.errorsY()).isEqualTo(75.0);
        assertThat(busiest.title()).isEqualTo("06:00 UTC: 200 requests, 50 errors (25%)");
        assertThat(chart.hourLabels()).containsExactly("", "06:00", "", "");
    }

    @Test
    void hoursWithoutRequestsDrawNothing() {
        RequestChart chart = RequestChart.of(List.of(hour("10:00", 0, 0), hour("11:00", 0, 0)));

        assertThat(chart.peak()).isOne();
        assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.requestsHeight()).isZero());
        assertThat(chart.bars().get(0).title()).endsWith("0 requests, 0 errors (–)");
    }

    private static HourlyRequests hour(String time, long requests, long errors) {
        return new HourlyRequests(Instant.parse("2026-11-24T" + time + ":00Z"), requests, errors);
    }
}
