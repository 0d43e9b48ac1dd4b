package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mcpportal.portal.cloud.CloudProvider;

/** The adapter's wiring, without the rest of the portal: it needs no AWS configuration to start. */
class AwsCloudConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(AwsCloudConfiguration.class);

    @Test
    void startsWithNoAwsConfigurationAtAll() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AwsClientFactory.class).hasSingleBean(CloudProvider.class);
            assertThat(context.getBean(AwsSettings.class)).isEqualTo(AwsSettings.defaults());
        });
    }

    @Test
    void bindsThePortalAwsProperties() {
        runner.withPropertyValues("portal.aws.endpoint-override=http://localhost:4566",
                "portal.aws.endpoints.ec2=http://localhost:5000", "portal.aws.retry-mode=adaptive",
                "portal.aws.max-attempts=8", "portal.aws.retry-base-delay=200ms", "portal.aws.step-attempts=4",
                "portal.aws.poll-interval=2s", "portal.aws.wait-timeout=20m").run(context -> {
                    AwsSettings settings = context.getBean(AwsSettings.class);
                    assertThat(settings.endpointFor(AwsService.ECS)).isEqualTo(URI.create("http://localhost:4566"));
                    assertThat(settings.endpointFor(AwsService.EC2)).isEqualTo(URI.create("http://localhost:5000"));
                    assertThat(settings.retryMode()).isEqualTo(AwsSettings.RetryMode.ADAPTIVE);
                    assertThat(settings.maxAttempts()).isEqualTo(8);
                    assertThat(settings.retryBaseDelay()).isEqualTo(Duration.ofMillis(200));
                    assertThat(settings.stepAttempts()).isEqualTo(4);
                    assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(settings.waitTimeout()).isEqualTo(Duration.ofMinutes(20));
                });
    }
}
