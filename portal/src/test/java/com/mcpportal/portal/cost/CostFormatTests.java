package com.mcpportal.portal.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CostFormatTests {

    private final CostFormat format = new CostFormat();

    @Test
    void moneyRoundsHalfUpToCentsWithSeparators() {
        assertThat(format.usd(new BigDecimal("2.6449644375"))).isEqualTo("$2.64");
        assertThat(format.usd(new BigDecimal("0.005"))).isEqualTo("$0.01");
        assertThat(format.usd(new BigDecimal("1234567.891"))).isEqualTo("$1,234,567.89");
        assertThat(format.usd(null)).isEqualTo("—");
    }

    @Test
    void ratesKeepEveryDigitAwsListsButAtLeastCents() {
        assertThat(format.rate(new BigDecimal("0.0323800000"))).isEqualTo("$0.03238");
        assertThat(format.rate(new BigDecimal("0.000001"))).isEqualTo("$0.000001");
        assertThat(format.rate(new BigDecimal("0.5"))).isEqualTo("$0.50");
        assertThat(format.rate(new BigDecimal("1E+1"))).isEqualTo("$10.00");
    }

    @Test
    void quantitiesAndTimes() {
        assertThat(format.quantity(new BigDecimal("66.96112500"))).isEqualTo("66.96");
        assertThat(format.quantity(new BigDecimal("100000"))).isEqualTo("100,000");
        assertThat(format.quantity(new BigDecimal("0.5"))).isEqualTo("0.5");
        assertThat(format.time(Instant.parse("2027-03-14T23:00:59Z"))).isEqualTo("2027-03-14 23:00 UTC");
    }
}
