package com.mcpportal.portal.cloud.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.mcpportal.portal.cloud.Architecture;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

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
 * @param natImageParameter the SSM parameter holding the NAT instance's AMI id, {@code {arch}} standing for
 *                          {@code arm64} or {@code x86_64}: Amazon's public parameter of the latest AL2023 minimal
 *                          image by default. Another of Amazon's ({@code …/al2023-ami-kernel-default-{arch}}, the
 *                          standard image with the SSM agent) or your own golden-image pipeline's parameter (then
 *                          the portal's policy must allow reading it and launching that image; deploy/README.md)
 */
@ConfigurationProperties("portal.aws")
public record AwsSettings(URI endpointOverride, Map<String, URI> endpoints, RetryMode retryMode, int maxAttempts,
        Duration retryBaseDelay, int stepAttempts, Duration stepRetryDelay, Duration pollInterval,
        Duration waitTimeout, String natImageParameter) {

    /** The SDK retry strategies the portal offers. */
    public enum RetryMode { STANDARD, ADAPTIVE }

    /** Amazon's public parameter of the latest Amazon Linux 2023 minimal AMI, per architecture. */
    public static final String LATEST_AL2023_MINIMAL =
            "/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-{arch}";

    @ConstructorBinding
    public AwsSettings {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        retryMode = retryMode == null ? RetryMode.STANDARD : retryMode;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        stepAttempts = stepAttempts <= 0 ? 3 : stepAttempts;
        stepRetryDelay = stepRetryDelay == null ? Duration.ofSeconds(5) : stepRetryDelay;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        waitTimeout = waitTimeout == null ? Duration.ofMinutes(15) : waitTimeout;
        natImageParameter = natImageParameter == null || natImageParameter.isBlank() ? LATEST_AL2023_MINIMAL
                : natImageParameter.trim();
    }

    /** Everything but the NAT image parameter, which stays Amazon's. */
    public AwsSettings(URI endpointOverride, Map<String, URI> endpoints, RetryMode retryMode, int maxAttempts,
            Duration retryBaseDelay, int stepAttempts, Duration stepRetryDelay, Duration pollInterval,
            Duration waitTimeout) {
        this(endpointOverride, endpoints, retryMode, maxAttempts, retryBaseDelay, stepAttempts, stepRetryDelay,
                pollInterval, waitTimeout, null);
    }

    /** These settings, the NAT's AMI read from {@code parameter} instead. */
    public AwsSettings withNatImageParameter(String parameter) {
        return new AwsSettings(endpointOverride, endpoints, retryMode, maxAttempts, retryBaseDelay, stepAttempts,
                stepRetryDelay, pollInterval, waitTimeout, parameter);
    }

    /** The name of the NAT image parameter for an architecture. */
    String natImageParameterFor(Architecture architecture) {
        return natImageParameter.replace("{arch}", architecture.ec2Name());
    }

    /** All defaults: real AWS endpoints, standard retries. */
    public static AwsSettings defaults() {
        return new AwsSettings(null, null, null, 0, null, 0, null, null, null, null);
    }

    /** The endpoint for one service: its own override, else the global one, else none (AWS's). */
    URI endpointFor(AwsService service) {
        URI specific = endpoints.get(service.key());
        return specific != null ? specific : endpointOverride;
    }
}
