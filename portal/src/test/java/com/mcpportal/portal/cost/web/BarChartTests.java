package com.mcpportal.portal.cost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BarChartTests {

    @Test
    void barsRunLargestFirstWithLengthsRelativeToTheLargestAndTheirValuesWritten() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put("NAT instance", new BigDecimal("1.12"));
        values.put("Fargate task", new BigDecimal("2.24"));
        values.put("ECR image storage", new BigDecimal("0.0001"));

        BarChart chart = BarChart.of("c", "Monthly cost per component", values);

        assertThat(chart.bars()).extracting(BarChart.Bar::label, BarChart.Bar::value, BarChart.Bar::length,
                BarChart.Bar::y).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Fargate task", "$2.24", BarChart.BAR_AREA, 4),
                org.assertj.core.groups.Tuple.tuple("NAT instance", "$1.12", BarChart.BAR_AREA / 2, 4 + BarChart.ROW),
                // too small to see, but still drawn
                org.assertj.core.groups.Tuple.tuple("ECR image storage", "$0.00", 1, 4 + 2 * BarChart.ROW));
        assertThat(chart.description()).isEqualTo("Monthly estimate, largest first: Fargate task $2.24;"
                + " NAT instance $1.12; ECR image storage $0.00.");
        assertThat(chart.height()).isEqualTo(3 * BarChart.ROW + 8);
    }

    @Test
    void longLabelsAreShortenedButKeptWholeForTheTooltip() {
        String name = "a-very-long-environment-name-for-voice-x";

        BarChart.Bar bar = BarChart.of("c", "t", Map.of(name, BigDecimal.ONE)).bars().get(0);

        assertThat(bar.label()).hasSize(BarChart.MAX_LABEL).endsWith("…");
        assertThat(bar.fullLabel()).isEqualTo(name);
    }

    @Test
    void nothingToShowSaysSo() {
        assertThat(BarChart.of("c", "t", Map.of()).description()).isEqualTo("Nothing to show yet.");
    }
}
