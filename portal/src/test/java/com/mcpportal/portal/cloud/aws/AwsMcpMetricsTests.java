package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.cloudWatch;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.cloudWatchOk;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.queryError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.HourlyRequests;
import com.mcpportal.portal.cloud.McpMetricsSource;
import com.mcpportal.portal.cloud.aws.fake.AwsCall;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

/**
 * The request figures from CloudWatch {@code GetMetricData}, as SDK 2.40's CloudWatch client sends it: the AWS
 * Query protocol (a form POST signed for {@code monitoring}, XML answers).
 */
class AwsMcpMetricsTests {

    private static final Instant FROM = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-24T13:20:00Z");

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;

    private AwsMcpMetrics metrics() {
        return new AwsMcpMetrics(fake.clientFactory(fake.settings()));
    }

    @Test
    void asksForTheHourlySumsOfTheServersMetricsForTheEnvironmentsDimension() {
        fake.answer(cloudWatch("GetMetricData"), cloudWatchOk("GetMetricData", "<MetricDataResults/>"));

        metrics().hourlyRequests(env, FROM, TO);

        AwsCall call = fake.onlyCall("monitoring:GetMetricData");
        assertThat(call.iamAction()).isEqualTo("cloudwatch:GetMetricData");
        Map<String, String> form = call.form();
        assertThat(form).containsEntry("Version", "2010-08-01")
                .containsEntry("StartTime", "2026-11-24T10:00:00Z").containsEntry("EndTime", "2026-11-24T14:00:00Z")
                .containsEntry("ScanBy", "TimestampAscending");
        for (String[] query : new String[][] {{"1", "requests", "Requests"}, {"2", "errors", "Errors"}}) {
            String prefix = "MetricDataQueries.member." + query[0] + ".";
            assertThat(form).containsEntry(prefix + "Id", query[1])
                    .containsEntry(prefix + "ReturnData", "true")
                    .containsEntry(prefix + "MetricStat.Metric.Namespace", "McpPortal/McpServer")
                    .containsEntry(prefix + "MetricStat.Metric.MetricName", query[2])
                    .containsEntry(prefix + "MetricStat.Metric.Dimensions.member.1.Name", "EnvironmentId")
                    .containsEntry(prefix + "MetricStat.Metric.Dimensions.member.1.Value", "env1")
                    .containsEntry(prefix + "MetricStat.Period", "3600")
                    .containsEntry(prefix + "MetricStat.Stat", "Sum");
        }
    }

    @Test
    void givesEveryHourItsSumsAcrossPagesAndZeroWhereCloudWatchHasNoPoint() {
        fake.answer(cloudWatch("GetMetricData"), cloudWatchOk("GetMetricData", """
                <MetricDataResults>
                  <member><Id>requests</Id><Label>Requests</Label><StatusCode>PartialData</StatusCode>
                    <Timestamps><member>2026-11-24T10:00:00Z</member><member>2026-11-24T12:00:00Z</member></Timestamps>
                    <Values><member>120.0</member><member>48.0</member></Values></member>
                  <member><Id>errors</Id><Label>Errors</Label><StatusCode>PartialData</StatusCode>
                    <Timestamps><member>2026-11-24T10:00:00Z</member></Timestamps>
                    <Values><member>3.0</member></Values></member>
                </MetricDataResults>
                <NextToken>page-2</NextToken><Messages/>"""));
        fake.answer(cloudWatch("GetMetricData").withRequestBody(WireMock.containing("NextToken=page-2")),
                cloudWatchOk("GetMetricData", """
                <MetricDataResults>
                  <member><Id>requests</Id><StatusCode>Complete</StatusCode>
                    <Timestamps><member>2026-11-24T13:00:00Z</member></Timestamps>
                    <Values><member>30.0</member></Values></member>
                  <member><Id>errors</Id><StatusCode>Complete</StatusCode>
                    <Timestamps><member>2026-11-24T12:00:00Z</member><member>2026-11-24T13:00:00Z</member></Timestamps>
                    <Values><member>12.0</member><member>0.0</member></Values></member>
                </MetricDataResults><Messages/>"""));

        List<HourlyRequests> hours = metrics().hourlyRequests(env, FROM, TO);

        assertThat(hours).containsExactly(
                new HourlyRequests(Instant.parse("2026-11-24T10:00:00Z"), 120, 3),
                new HourlyRequests(Instant.parse("2026-11-24T11:00:00Z"), 0, 0),
                new HourlyRequests(Instant.parse("2026-11-24T12:00:00Z"), 48, 12),
                new HourlyRequests(Instant.parse("2026-11-24T13:00:00Z"), 30, 0));
        assertThat(fake.calls("monitoring:GetMetricData")).hasSize(2);
        assertThat(fake.calls("monitoring:GetMetricData").get(1).param("NextToken")).isEqualTo("page-2");
    }

    @Test
    void readsTheNamesTheMcpServerWrites() throws IOException {
        String server = Files.readString(Path.of("..", "mcp-server", "src", "main", "java", "com", "mcpportal",
                "mcpserver", "http", "EmfMetrics.java"));

        assertThat(server).contains("NAMESPACE = \"" + McpMetricsSource.NAMESPACE + "\"",
                "DIMENSION = \"" + McpMetricsSource.DIMENSION + "\"",
                "\\\"Name\\\":\\\"" + McpMetricsSource.REQUESTS + "\\\"",
                "\\\"Name\\\":\\\"" + McpMetricsSource.ERRORS + "\\\"");
    }

    @Test
    void aRefusalIsACloudExceptionThatNamesTheStepAndPermission() {
        fake.answer(cloudWatch("GetMetricData"), queryError(403, "AccessDenied", "User: arn:aws:sts::123456789012:"
                + "assumed-role/portal is not authorized to perform: cloudwatch:GetMetricData"));

        assertThatThrownBy(() -> metrics().hourlyRequests(env, FROM, TO)).isInstanceOfSatisfying(CloudException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(CloudErrorKind.ACCESS_DENIED);
                    assertThat(e.step()).isEqualTo("read-mcp-metrics");
                    assertThat(e.errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.getMessage()).contains("cloudwatch:GetMetricData");
                });
    }
}
