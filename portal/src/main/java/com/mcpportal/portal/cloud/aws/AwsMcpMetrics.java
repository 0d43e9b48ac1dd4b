package com.mcpportal.portal.cloud.aws;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.HourlyRequests;
import com.mcpportal.portal.cloud.McpMetricsSource;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * The MCP servers' request metrics from CloudWatch: one {@code GetMetricData} call (two queries, the hourly sums
 * of {@code Requests} and {@code Errors} for the environment's dimension), followed through its pages.
 */
public class AwsMcpMetrics implements McpMetricsSource {

    static final String STEP = "read-mcp-metrics";
    private static final int HOUR_SECONDS = 3600;

    private final AwsClientFactory clients;

    public AwsMcpMetrics(AwsClientFactory clients) {
        this.clients = clients;
    }

    @Override
    public List<HourlyRequests> hourlyRequests(EnvironmentRef env, Instant from, Instant to) {
        List<Instant> hours = HourlyRequests.hoursBetween(from, to);
        if (hours.isEmpty()) {
            return List.of();
        }
        GetMetricDataRequest request = GetMetricDataRequest.builder()
                .startTime(hours.get(0)).endTime(hours.get(hours.size() - 1).plus(1, ChronoUnit.HOURS))
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(sum("requests", REQUESTS, env), sum("errors", ERRORS, env))
                .build();
        Map<String, Map<Instant, Double>> series = new HashMap<>();
        try {
            CloudWatchClient cloudWatch = clients.clientsFor(env.target()).cloudWatch();
            for (GetMetricDataResponse page : cloudWatch.getMetricDataPaginator(request)) {
                for (MetricDataResult result : page.metricDataResults()) {
                    Map<Instant, Double> points = series.computeIfAbsent(result.id(), id -> new HashMap<>());
                    for (int i = 0; i < Math.min(result.timestamps().size(), result.values().size()); i++) {
                        points.merge(result.timestamps().get(i).truncatedTo(ChronoUnit.HOURS), result.values().get(i),
                                Double::sum);
                    }
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.translate(e, STEP);
        }
        Map<Instant, Double> requests = series.getOrDefault("requests", Map.of());
        Map<Instant, Double> errors = series.getOrDefault("errors", Map.of());
        return hours.stream().map(hour -> new HourlyRequests(hour, count(requests.get(hour)),
                count(errors.get(hour)))).toList();
    }

    private static MetricDataQuery sum(String id, String metric, EnvironmentRef env) {
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(stat -> stat
                .metric(m -> m.namespace(NAMESPACE).metricName(metric)
                        .dimensions(d -> d.name(DIMENSION).value(env.environmentId())))
                .period(HOUR_SECONDS).stat("Sum")).build();
    }

    private static long count(Double sum) {
        return sum == null || sum < 0 ? 0 : Math.round(sum);
    }
}
