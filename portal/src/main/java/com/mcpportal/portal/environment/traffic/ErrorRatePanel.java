package com.mcpportal.portal.environment.traffic;

/**
 * What the environment page shows about its MCP server's requests: the stored check (null before the first one), its
 * chart, and whether the figures are made up (simulated cloud).
 */
public record ErrorRatePanel(ErrorRateStatus status, RequestChart chart, boolean simulated, String threshold,
        long minRequests, int windowHours) {

    static ErrorRatePanel of(ErrorRateStatus status, boolean simulated, ErrorRateSettings settings) {
        return new ErrorRatePanel(status, status == null ? null : RequestChart.of(status.hours()), simulated,
                settings.thresholdLabel() + "%", settings.errorRateMinRequests(), settings.windowHours());
    }

    public boolean hasFigures() {
        return status != null && status.figuresAt() != null;
    }

    public String totalErrorRate() {
        return ErrorRates.format(status.totalErrorRate());
    }

    public String windowErrorRate() {
        return ErrorRates.format(status.windowErrorRate());
    }
}
