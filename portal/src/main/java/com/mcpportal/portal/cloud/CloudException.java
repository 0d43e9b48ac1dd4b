package com.mcpportal.portal.cloud;

/**
 * A cloud step failed. Carries what the operation runner needs to decide and to show the user:
 * the step, the service, the provider's error code and message, and whether a retry can help.
 */
public class CloudException extends RuntimeException {

    private final CloudErrorKind kind;
    private final String step;
    private final String service;
    private final String errorCode;
    private final String providerMessage;

    public CloudException(CloudErrorKind kind, String step, String service, String errorCode, String providerMessage,
            Throwable cause) {
        super(format(step, service, errorCode, providerMessage), cause);
        this.kind = kind;
        this.step = step;
        this.service = service;
        this.errorCode = errorCode;
        this.providerMessage = providerMessage;
    }

    /** The same failure, attributed to a step (adapters translate errors below the step level). */
    public CloudException inStep(String stepName) {
        if (stepName.equals(step)) {
            return this;
        }
        CloudException copy = new CloudException(kind, stepName, service, errorCode, providerMessage, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public CloudErrorKind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    public String step() {
        return step;
    }

    public String service() {
        return service;
    }

    public String errorCode() {
        return errorCode;
    }

    /** The provider's own message, e.g. AWS's "You are not authorized to perform this operation." */
    public String providerMessage() {
        return providerMessage;
    }

    private static String format(String step, String service, String code, String message) {
        StringBuilder text = new StringBuilder();
        if (step != null) {
            text.append(step).append(": ");
        }
        if (service != null) {
            text.append(service).append(' ');
        }
        if (code != null) {
            text.append(code).append(": ");
        }
        return text.append(message).toString();
    }
}
