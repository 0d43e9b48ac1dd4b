package com.mcpportal.portal.environment.traffic;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mcpportal.portal.cloud.HourlyRequests;

/**
 * The geometry of the environment page's bar chart, one bar per hour (its height the requests, its red part the
 * errors), for a server-rendered SVG: no script, nothing a content security policy has to allow. The SVG stretches
 * to the page's width, so the hour labels are HTML under it (text in a stretched SVG would be distorted).
 *
 * @param width      the SVG's view-box width
 * @param height     the view-box height
 * @param hourLabels one per bar: the hour ({@code 06:00}) every six hours, empty for the others
 */
public record RequestChart(int width, int height, List<Bar> bars, List<String> hourLabels, long peak) {

    static final int BAR_WIDTH = 20;
    static final int PLOT_HEIGHT = 100;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One hour's bar: the requests rectangle, the errors rectangle at its foot, and a tooltip. */
    public record Bar(int x, int width, double requestsY, double requestsHeight, double errorsY,
            double errorsHeight, String title) {
    }

    static RequestChart of(List<HourlyRequests> hours) {
        long peak = Math.max(1, hours.stream().mapToLong(HourlyRequests::requests).max().orElse(0));
        List<Bar> bars = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            HourlyRequests hour = hours.get(i);
            int x = i * BAR_WIDTH;
            double requestsHeight = scaled(hour.requests(), peak);
            double errorsHeight = scaled(hour.errors(), peak);
            String time = HOUR.format(hour.hour());
            bars.add(new Bar(x + 1, BAR_WIDTH - 2, PLOT_HEIGHT - requestsHeight, requestsHeight,
                    PLOT_HEIGHT - errorsHeight, errorsHeight, time + " UTC: " + hour.requests() + " requests, "
                            + hour.errors() + " errors (" + ErrorRates.format(ErrorRates.percent(hour.errors(),
                                    hour.requests())) + ")"));
            labels.add(hour.hour().atZone(ZoneOffset.UTC).getHour() % 6 == 0 ? time : "");
        }
        return new RequestChart(Math.max(BAR_WIDTH, hours.size() * BAR_WIDTH), PLOT_HEIGHT, bars, labels,
                hours.isEmpty() ? 0 : peak);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    // A non-zero count stays visible as at least a sliver.
    private static double scaled(long value, long peak) {
        if (value == 0) {
            return 0;
        }
        return Math.max(1.5, Math.round(1000.0 * PLOT_HEIGHT * value / peak) / 1000.0);
    }
}
