package com.mcpportal.portal.cloud.aws;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS API call the adapter makes, once per call after the SDK's retries:
 * {@code portal.aws.calls} (tags {@code service}, {@code operation}, {@code outcome}) and, for failures,
 * {@code portal.aws.errors} (tags {@code service}, {@code operation}, {@code code}: AWS's error code,
 * {@code client} for network failures). Throttling shows up here before it fails an operation.
 *
 * <p>{@link #GLOBAL} records into Micrometer's global registry, to which Spring Boot binds the portal's
 * registries: the client factory is built in many places (tests, the pricing job) without a Spring context.
 */
final class AwsCallMetrics implements ExecutionInterceptor {

    static final String CALLS = "portal.aws.calls";
    static final String ERRORS = "portal.aws.errors";
    static final AwsCallMetrics GLOBAL = new AwsCallMetrics(Metrics.globalRegistry);

    private final MeterRegistry registry;

    AwsCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        calls(attributes, "success").increment();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        calls(attributes, "error").increment();
        Counter.builder(ERRORS).description("AWS API calls that failed, by service and error code")
                .tag("service", service(attributes)).tag("operation", operation(attributes))
                .tag("code", code(context.exception())).register(registry).increment();
    }

    private Counter calls(ExecutionAttributes attributes, String outcome) {
        return Counter.builder(CALLS).description("AWS API calls made by the portal")
                .tag("service", service(attributes)).tag("operation", operation(attributes))
                .tag("outcome", outcome).register(registry);
    }

    private static String service(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        return name == null ? "unknown" : name.toLowerCase(Locale.ROOT);
    }

    private static String operation(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return name == null ? "unknown" : name;
    }

    static String code(Throwable failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        if (failure instanceof AwsServiceException service) {
            return "http-" + service.statusCode();
        }
        return failure instanceof SdkClientException ? "client" : "unknown";
    }
}
