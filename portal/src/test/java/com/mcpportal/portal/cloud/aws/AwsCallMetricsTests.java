package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Error;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.aws.fake.AwsFake;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.core.exception.SdkException;

/** Every client the factory builds counts its calls and errors, once per call however often the SDK retried. */
class AwsCallMetricsTests {

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void listen() {
        Metrics.globalRegistry.add(registry);
    }

    @AfterEach
    void stopListening() {
        Metrics.globalRegistry.remove(registry);
    }

    @Test
    void countsSuccessfulCallsByServiceAndOperation() {
        AwsClients aws = clients(fake.settings());

        aws.ec2().describeVpcs();
        aws.ec2().describeVpcs();
        aws.logs().describeLogGroups();

        assertThat(calls("ec2", "DescribeVpcs", "success")).isEqualTo(2);
        assertThat(calls("cloudwatchlogs", "DescribeLogGroups", "success")).isEqualTo(1);
        // Meters other tests made in the global registry show up here too, but nothing failed in this one.
        assertThat(registry.find(AwsCallMetrics.ERRORS).counters()).allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void countsAFailedCallOnceWithAwsErrorCodeAfterTheSdkRetries() {
        fake.answer(json("ecs", "DescribeClusters"), jsonError(400, "ThrottlingException", "Rate exceeded"));
        fake.answer(ec2("RunInstances"), ec2Error(403, "UnauthorizedOperation", "You are not authorized"));
        AwsClients aws = clients(fake.settings());

        assertThatThrownBy(() -> aws.ecs().describeClusters()).isInstanceOf(SdkException.class);
        assertThatThrownBy(() -> aws.ec2().runInstances(r -> r.imageId("ami-1").minCount(1).maxCount(1)))
                .isInstanceOf(SdkException.class);

        assertThat(fake.calls("ecs:DescribeClusters")).hasSize(3);
        assertThat(calls("ecs", "DescribeClusters", "error")).isEqualTo(1);
        assertThat(errors("ecs", "DescribeClusters", "ThrottlingException")).isEqualTo(1);
        assertThat(errors("ec2", "RunInstances", "UnauthorizedOperation")).isEqualTo(1);
    }

    @Test
    void aCallThatNeverReachesAwsCountsAsAClientError() {
        AwsSettings unreachable = new AwsSettings(URI.create("http://127.0.0.1:9"), null,
                AwsSettings.RetryMode.STANDARD, 1, Duration.ofMillis(1), 1, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofMillis(10));

        assertThatThrownBy(() -> clients(unreachable).sts().getCallerIdentity()).isInstanceOf(SdkException.class);

        assertThat(errors("sts", "GetCallerIdentity", "client")).isEqualTo(1);
    }

    private AwsClients clients(AwsSettings settings) {
        return fake.clientFactory(settings).clientsFor(AwsFake.target());
    }

    private double calls(String service, String operation, String outcome) {
        return registry.get(AwsCallMetrics.CALLS)
                .tags("service", service, "operation", operation, "outcome", outcome).counter().count();
    }

    /**
     * By all three tags: other tests' meters in the global registry show up here too (at zero), and one for another
     * operation with the same service and code would otherwise be as good a match.
     */
    private double errors(String service, String operation, String code) {
        return registry.get(AwsCallMetrics.ERRORS).tags("service", service, "operation", operation, "code", code)
                .counter().count();
    }
}
