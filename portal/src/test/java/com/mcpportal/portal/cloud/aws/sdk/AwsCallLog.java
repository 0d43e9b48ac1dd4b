package com.mcpportal.portal.cloud.aws.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Every AWS SDK call made in this JVM while a recording is open, in order: the SDK loads this interceptor into every
 * client it builds (it is listed in {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test
 * class path), the same hook the portal's own {@code AwsCallMetrics} uses. One call is one API operation after the
 * SDK's retries, as {@code portal.aws.calls} counts them. Outside a recording it does nothing.
 */
public final class AwsCallLog implements ExecutionInterceptor {

    private static final List<Call> CALLS = new ArrayList<>();
    private static volatile boolean recording;
    private static volatile String crashBefore;

    /** What the portal dying looks like to the code running: nothing it catches (an {@link Error}). */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash(String call) {
            super("simulated crash before " + call);
        }
    }

    /** The next call of {@code name} (e.g. {@code ec2:ModifyInstanceAttribute}) is never sent: the caller "dies". */
    public static void crashBefore(String name) {
        crashBefore = name;
    }

    /** One API call: {@code ec2:RunInstances}, the request the SDK sent, and whether AWS refused it. */
    public record Call(String service, String operation, SdkRequest request, String errorCode) {

        public String name() {
            return service + ":" + operation;
        }

        /** The request as its SDK type, e.g. {@code call.request(RunInstancesRequest.class)}. */
        public <T extends SdkRequest> T request(Class<T> type) {
            return type.cast(request);
        }
    }

    /** Records the calls made while {@code body} runs. */
    public static synchronized <T> Recorded<T> during(Supplier<T> body) {
        synchronized (CALLS) {
            CALLS.clear();
        }
        recording = true;
        T result;
        try {
            result = body.get();
        } finally {
            recording = false;
        }
        synchronized (CALLS) {
            return new Recorded<>(result, List.copyOf(CALLS));
        }
    }

    /** Records the calls made while {@code body} runs. */
    public static List<Call> during(Runnable body) {
        return during(() -> {
            body.run();
            return null;
        }).calls();
    }

    /** What a recorded body returned, and the calls it made. */
    public record Recorded<T>(T result, List<Call> calls) {
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String armed = crashBefore;
        if (armed != null && armed.equals(name(attributes))) {
            crashBefore = null;
            throw new SimulatedCrash(armed);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(context.request(), attributes, null);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        String code = context.exception() instanceof software.amazon.awssdk.awscore.exception.AwsServiceException e
                && e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : "client";
        record(context.request(), attributes, code == null ? "unknown" : code);
    }

    private static void record(SdkRequest request, ExecutionAttributes attributes, String errorCode) {
        if (!recording) {
            return;
        }
        String service = String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                .toLowerCase(Locale.ROOT);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        synchronized (CALLS) {
            CALLS.add(new Call(service, operation, request, errorCode));
        }
    }

    private static String name(ExecutionAttributes attributes) {
        return String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)).toLowerCase(Locale.ROOT)
                + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }
}
