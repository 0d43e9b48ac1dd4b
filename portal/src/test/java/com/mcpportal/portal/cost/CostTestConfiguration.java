package com.mcpportal.portal.cost;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mcpportal.portal.cloud.aws.AwsClientFactory;
import com.mcpportal.portal.cloud.aws.AwsSettings;
import com.mcpportal.portal.cost.pricing.PricingSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The portal for cost tests: a fixed "now" (Sunday 2027-03-14 23:00 UTC, so the next 30 days hold 22 weekdays and
 * Europe/Berlin's spring-forward), AWS (Pricing API and EC2) answered by one loopback fake with fixed test
 * credentials, and schedules a test can set per environment, plugged in the way the schedule feature will be.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CostTestConfiguration {

    static final Instant NOW = Instant.parse("2027-03-14T23:00:00Z");
    public static final String ACCESS_KEY = "AKIDCOSTTESTS";

    @Bean(destroyMethod = "stop")
    WireMockServer costAwsFake() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        CostAwsFake.reset(server);
        return server;
    }

    /** The whole portal's time stands at {@link #NOW}: estimates, price dates, budgets and the audit log agree. */
    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    @Primary
    PricingSettings fakePricingSettings(WireMockServer costAwsFake) {
        // A cron that never fires during a test run: tests start the job themselves.
        return new PricingSettings("us-east-1", URI.create(costAwsFake.baseUrl()), "0 0 0 1 1 ? 2099", false);
    }

    @Bean(destroyMethod = "close")
    @Primary
    AwsClientFactory fakeAwsClientFactory(WireMockServer costAwsFake) {
        AwsSettings settings = new AwsSettings(URI.create(costAwsFake.baseUrl()), null, AwsSettings.RetryMode.STANDARD,
                1, null, 0, null, null, null);
        return new AwsClientFactory(settings,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "cost-test-secret")));
    }

    @Bean
    @Primary
    TestEnvironmentSchedules testEnvironmentSchedules() {
        return new TestEnvironmentSchedules();
    }
}
