package com.mcpportal.portal.cloud.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.aws.*}: how the AWS adapter reaches AWS. Every field has a default, so the portal
 * starts with no AWS configuration at all (credentials are looked up on first use, not at start).
 *
 * @param endpointOverride  one endpoint for every service (LocalStack: {@code http://localhost:4566})
 * @param endpoints         per-service endpoints, keyed by {@link AwsService} key ({@code ec2}, {@code ecs} …)
 * @param retryMode         the SDK's retry strategy: standard or adaptive (client-side rate limiting)
 * @param maxAttempts       SDK attempts per API call, first one included
 * @param retryBaseDelay    SDK backoff base delay; empty keeps the SDK's defaults
 * @param stepAttempts      attempts per provisioning step for retryable failures
 * @param stepRetryDelay    delay before the first step retry, doubled each time
 * @param pollInterval      how often waits (instance running, service steady …) ask again
 * @param waitTimeout       how long a wait lasts before the step fails with a timeout
 */
@ConfigurationProperties("portal.aws")
public record AwsSettings(URI endpointOverride, Map<String, URI> endpoints, RetryMode retryMode, int maxAttempts,
        Duration retryBaseDelay, int stepAttempts, Duration stepRetryDelay, Duration pollInterval,
        Duration waitTimeout) {

    /** The SDK retry strategies the portal offers. */
    public enum RetryMode { STANDARD, ADAPTIVE }

    public AwsSettings {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        retryMode = retryMode == null ? RetryMode.STANDARD : retryMode;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        stepAttempts = stepAttempts <= 0 ? 3 : stepAttempts;
        stepRetryDelay = stepRetryDelay == null ? Duration.ofSeconds(5) : stepRetryDelay;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        waitTimeout = waitTimeout == null ? Duration.ofMinutes(15) : waitTimeout;
    }

    /** All defaults: real AWS endpoints, standard retries. */
    public static AwsSettings defaults() {
        return new AwsSettings(null, null, null, 0, null, 0, null, null, null);
    }

    /** The endpoint for one service: its own override, else the global one, else none (AWS's). */
    URI endpointFor(AwsService service) {
        URI specific = endpoints.get(service.key());
        return specific != null ? specific : endpointOverride;
    }
}
