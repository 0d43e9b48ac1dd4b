package com.mcpportal.portal.cost.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cost.CostComponent;
import com.mcpportal.portal.cost.CostFormat;

/**
 * A horizontal bar chart drawn as SVG by the template ({@code costs/fragments :: chart}): one labelled bar per
 * entry, largest first, lengths relative to the largest. The numbers are also written next to each bar and in
 * the chart's description, so the chart reads without seeing it.
 */
public record BarChart(String id, String title, String description, List<Bar> bars) {

    static final int LABEL_WIDTH = 240;
    static final int BAR_AREA = 320;
    static final int ROW = 28;
    static final int MAX_LABEL = 32;

    /** One bar: where it sits and how long it is, in SVG user units. */
    public record Bar(String label, String fullLabel, String value, int y, int length) {
    }

    public BarChart {
        bars = List.copyOf(bars);
    }

    /** Cost per component, labelled as the estimate table labels them. */
    static BarChart perComponent(Map<CostComponent, BigDecimal> byComponent) {
        Map<String, BigDecimal> labelled = new LinkedHashMap<>();
        byComponent.forEach((component, usd) -> labelled.put(component.label(), usd));
        return of("chart-components", "Monthly cost per component", labelled);
    }

    static BarChart of(String id, String title, Map<String, BigDecimal> values) {
        List<Map.Entry<String, BigDecimal>> sorted = values.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())).toList();
        BigDecimal largest = sorted.isEmpty() ? BigDecimal.ZERO : sorted.get(0).getValue();
        List<Bar> bars = new ArrayList<>();
        List<String> spoken = new ArrayList<>();
        int y = 4;
        for (Map.Entry<String, BigDecimal> entry : sorted) {
            int length = largest.signum() == 0 ? 0 : entry.getValue().multiply(BigDecimal.valueOf(BAR_AREA))
                    .divide(largest, 0, RoundingMode.HALF_UP).intValue();
            String value = CostFormat.usdText(entry.getValue());
            bars.add(new Bar(shorten(entry.getKey()), entry.getKey(), value, y, Math.max(length, 1)));
            spoken.add(entry.getKey() + " " + value);
            y += ROW;
        }
        String description = sorted.isEmpty() ? "Nothing to show yet."
                : "Monthly estimate, largest first: " + String.join("; ", spoken) + ".";
        return new BarChart(id, title, description, bars);
    }

    public int width() {
        return LABEL_WIDTH + BAR_AREA + 90;
    }

    public int height() {
        return Math.max(1, bars.size()) * ROW + 8;
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    private static String shorten(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }
}
