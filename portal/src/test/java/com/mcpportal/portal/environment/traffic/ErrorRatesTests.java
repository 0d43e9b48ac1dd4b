package com.mcpportal.portal.environment.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.HourlyRequests;

/** Which hours are judged, and when an environment is flagged, cleared, or left as it was. */
class ErrorRatesTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:10:00Z");
    private final ErrorRateSettings settings = ErrorRateSettings.defaults();

    @Test
    void judgesTheLastWholeHourAndTheCurrentOneOnly() {
        List<HourlyRequests> hours = List.of(hour("10:00", 1000, 900), hour("11:00", 100, 4), hour("12:00", 20, 1));

        ErrorRates.Judgement judgement = ErrorRates.judge(hours, NOW, settings, false);

        assertThat(judgement.requests()).isEqualTo(120);
        assertThat(judgement.errors()).isEqualTo(5);
        assertThat(judgement.flagged()).isFalse();
        assertThat(judgement.crossed()).isFalse();
    }

    @Test
    void reachingTheThresholdFlagsAndFallingBelowClears() {
        ErrorRates.Judgement raised = ErrorRates.judge(List.of(hour("11:00", 90, 4), hour("12:00", 10, 1)), NOW,
                settings, false);
        assertThat(raised.flagged()).isTrue();
        assertThat(raised.crossed()).isTrue();

        ErrorRates.Judgement still = ErrorRates.judge(List.of(hour("11:00", 90, 9)), NOW, settings, true);
        assertThat(still.flagged()).isTrue();
        assertThat(still.crossed()).isFalse();

        ErrorRates.Judgement cleared = ErrorRates.judge(List.of(hour("11:00", 100, 4)), NOW, settings, true);
        assertThat(cleared.flagged()).isFalse();
        assertThat(cleared.crossed()).isTrue();
    }

    @Test
    void tooFewRequestsChangeNothing() {
        List<HourlyRequests> fewAllFailing = List.of(hour("11:00", 10, 10), hour("12:00", 9, 9));

        assertThat(ErrorRates.judge(fewAllFailing, NOW, settings, false).flagged()).isFalse();
        assertThat(ErrorRates.judge(fewAllFailing, NOW, settings, true).flagged()).isTrue();
        assertThat(ErrorRates.judge(List.of(), NOW, settings, true).crossed()).isFalse();
    }

    @Test
    void aLongerWindowAndOtherThresholdsAreHonoured() {
        ErrorRateSettings strict = new ErrorRateSettings(1.5, 5L, Duration.ofMinutes(150), null);
        List<HourlyRequests> hours = List.of(hour("08:00", 1000, 900), hour("09:00", 100, 2), hour("12:00", 0, 0));

        assertThat(strict.windowHours()).isEqualTo(3);
        assertThat(ErrorRates.judge(hours, NOW, strict, false).requests()).isEqualTo(100);
        assertThat(ErrorRates.judge(hours, NOW, strict, false).flagged()).isTrue();
        assertThat(strict.thresholdLabel()).isEqualTo("1.5");
        assertThat(settings.thresholdLabel()).isEqualTo("5");
    }

    @Test
    void settingsOutsideTheirRangeAreRefusedWithThePropertyName() {
        assertThatThrownBy(() -> new ErrorRateSettings(0.0, null, null, null))
                .hasMessageContaining("portal.monitoring.error-rate-threshold");
        assertThatThrownBy(() -> new ErrorRateSettings(null, 0L, null, null))
                .hasMessageContaining("portal.monitoring.error-rate-min-requests");
        assertThatThrownBy(() -> new ErrorRateSettings(null, null, Duration.ofHours(30), null))
                .hasMessageContaining("portal.monitoring.error-rate-window");
    }

    @Test
    void ratesReadWell() {
        assertThat(ErrorRates.format(ErrorRates.percent(1, 125))).isEqualTo("0.8%");
        assertThat(ErrorRates.format(ErrorRates.percent(30, 250))).isEqualTo("12%");
        assertThat(ErrorRates.format(ErrorRates.percent(0, 0))).isEqualTo("–");
    }

    private static HourlyRequests hour(String time, long requests, long errors) {
        return new HourlyRequests(Instant.parse("2026-11-24T" + time + ":00Z"), requests, errors);
    }
}
