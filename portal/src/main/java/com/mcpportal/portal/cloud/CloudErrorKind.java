package com.mcpportal.portal.cloud;

/** What kind of failure a cloud step hit, and so whether running the step again can help. */
public enum CloudErrorKind {
    /** Throttling, 5xx, network trouble, or a dependency still going away: try again later. */
    TRANSIENT(true),
    /** A resource that should be there is not (yet): EC2 is eventually consistent, so try again. */
    NOT_FOUND(true),
    /** The credentials may not do this (UnauthorizedOperation, AccessDenied …): fix the IAM policy. */
    ACCESS_DENIED(false),
    /** AWS rejected the request as invalid (InvalidParameterValue, ValidationException …). */
    INVALID_REQUEST(false),
    /** A resource did not reach the wanted state in time; the user may retry. */
    TIMEOUT(false),
    /** Anything else AWS refused. */
    FAILED(false);

    private final boolean retryable;

    CloudErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
