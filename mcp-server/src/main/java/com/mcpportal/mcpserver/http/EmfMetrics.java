package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.log.JsonText;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Metrics in CloudWatch Embedded Metric Format: an {@code _aws} block and the metric values added
 * to a log line, from which CloudWatch Logs makes the metrics {@value #NAMESPACE} {@code Requests},
 * {@code Errors} and {@code Latency} (each request's line) and {@code KeySetStale} (each failed
 * reload of a stale key set), by {@code EnvironmentId}. One dimension only: every extra dimension
 * value is another billed custom metric.
 */
public final class EmfMetrics {

    static final String NAMESPACE = "McpPortal/McpServer";
    static final String DIMENSION = "EnvironmentId";
    /** The dimension value of a server started without {@code MCP_SERVER_ENVIRONMENT_ID}. */
    static final String STANDALONE = "standalone";

    /** MCP traffic only: health checks and stray paths would dilute the error rate. */
    private static final Set<String> PATHS = Set.of(HttpServer.MCP_PATH, HttpServer.SSE_PATH, HttpServer.MESSAGE_PATH);

    private static final String KEY_SET_STALE = "{\"Namespace\":\"" + NAMESPACE + "\",\"Dimensions\":[[\"" + DIMENSION
            + "\"]],\"Metrics\":[{\"Name\":\"KeySetStale\",\"Unit\":\"Count\"}]}";

    private final String timedDirective;
    private final String untimedDirective;
    private final String dimensionValue;

    private EmfMetrics(@Nullable String environmentId) {
        String id = environmentId == null || environmentId.isBlank() ? STANDALONE : environmentId;
        // Fixed per process: built once, appended as is on every request.
        this.timedDirective = directive(true);
        this.untimedDirective = directive(false);
        this.dimensionValue = JsonText.quote(id);
    }

    /** @param environmentId {@code MCP_SERVER_ENVIRONMENT_ID}, or {@code null} ({@value #STANDALONE}) */
    public static EmfMetrics forEnvironment(@Nullable String environmentId) {
        return new EmfMetrics(environmentId);
    }

    /** @param endpoint the endpoint a request was routed to, whatever its spelling ({@code null}: none) */
    boolean covers(@Nullable String endpoint) {
        return endpoint != null && PATHS.contains(endpoint);
    }

    /**
     * Appends {@code ,"_aws":{…},"EnvironmentId":…,"Requests":1,"Errors":0|1[,"Latency":ms]}.
     *
     * @param latencyMillis the request's duration, or a negative number for a long-lived stream
     *                      (an SSE {@code GET}), whose duration is no latency and is left out
     */
    void append(StringBuilder line, long epochMillis, boolean failed, double latencyMillis) {
        boolean timed = latencyMillis >= 0;
        line.append(",\"_aws\":{\"Timestamp\":").append(epochMillis).append(",\"CloudWatchMetrics\":[")
                .append(timed ? timedDirective : untimedDirective).append("]},\"").append(DIMENSION).append("\":")
                .append(dimensionValue).append(",\"Requests\":1,\"Errors\":").append(failed ? 1 : 0);
        if (timed) {
            line.append(",\"Latency\":").append(latencyMillis);
        }
    }

    /**
     * Appends {@code ,"_aws":{…},"EnvironmentId":…,"KeySetStale":1}: the key set is older than
     * allowed and its keys are refused. Written only while that lasts, so it costs nothing otherwise.
     */
    public void appendKeySetStale(StringBuilder line, long epochMillis) {
        line.append(",\"_aws\":{\"Timestamp\":").append(epochMillis).append(",\"CloudWatchMetrics\":[")
                .append(KEY_SET_STALE).append("]},\"").append(DIMENSION).append("\":").append(dimensionValue)
                .append(",\"KeySetStale\":1");
    }

    private static String directive(boolean timed) {
        return "{\"Namespace\":\"" + NAMESPACE + "\",\"Dimensions\":[[\"" + DIMENSION + "\"]],\"Metrics\":["
                + "{\"Name\":\"Requests\",\"Unit\":\"Count\"},{\"Name\":\"Errors\",\"Unit\":\"Count\"}"
                + (timed ? ",{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"}" : "") + "]}";
    }
}
