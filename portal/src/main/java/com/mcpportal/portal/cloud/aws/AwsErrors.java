package com.mcpportal.portal.cloud.aws;

import java.util.Set;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into {@link CloudException}s: the error model the operation runner acts on. */
final class AwsErrors {

    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "TooManyRequestsException",
            "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException", "BandwidthLimitExceeded");

    private static final Set<String> UNAVAILABLE = Set.of("InternalError", "InternalFailure", "InternalServerError",
            "ServiceUnavailable", "ServiceUnavailableException", "Unavailable", "ServerException",
            "InternalServiceError", "InternalServerException", "RequestTimeout", "RequestTimeoutException");

    // Teardown ordering: the dependency goes away on its own shortly (ENIs of a deleted VPC link,
    // tasks of a deleted service, instances of a Cloud Map service being deregistered).
    private static final Set<String> STILL_IN_USE = Set.of("DependencyViolation", "ResourceInUse",
            "ResourceInUseException", "ClusterContainsServicesException", "ClusterContainsTasksException",
            "ConflictException", "IncorrectInstanceState", "IncorrectState", "InvalidStateException",
            "DuplicateRequest");

    private static final Set<String> ACCESS_DENIED = Set.of("UnauthorizedOperation", "AccessDenied",
            "AccessDeniedException", "AuthFailure", "UnrecognizedClientException", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "MissingAuthenticationToken",
            "OptInRequired", "Blocked", "AuthorizationError", "NotAuthorized");

    private AwsErrors() {
    }

    static CloudException translate(SdkException e, String step) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? service.getMessage()
                    : service.awsErrorDetails().errorMessage();
            String serviceName = service.awsErrorDetails() == null ? null : service.awsErrorDetails().serviceName();
            return new CloudException(kindOf(code, service.statusCode(), service.isThrottlingException()), step,
                    serviceName, code, message == null ? service.getMessage() : message, e);
        }
        if (e instanceof SdkClientException) {
            // Connection refused, timeouts, DNS: the network, not the request.
            return new CloudException(CloudErrorKind.TRANSIENT, step, null, null, e.getMessage(), e);
        }
        return new CloudException(CloudErrorKind.FAILED, step, null, null, e.getMessage(), e);
    }

    static CloudErrorKind kindOf(String code, int status, boolean throttling) {
        if (code != null && (ACCESS_DENIED.contains(code) || code.startsWith("AccessDenied"))) {
            return CloudErrorKind.ACCESS_DENIED;
        }
        if (throttling || status >= 500 || status == 429 || (code != null
                && (THROTTLING.contains(code) || UNAVAILABLE.contains(code) || STILL_IN_USE.contains(code)))) {
            return CloudErrorKind.TRANSIENT;
        }
        if (isNotFoundCode(code)) {
            return CloudErrorKind.NOT_FOUND;
        }
        if (code != null && (code.startsWith("Invalid") || code.contains("Validation") || code.startsWith("Missing")
                || code.equals("ClientException") || code.equals("BadRequestException")
                || code.equals("UnsupportedOperation")
                || code.endsWith("LimitExceeded") || code.endsWith("LimitExceededException"))) {
            return CloudErrorKind.INVALID_REQUEST;
        }
        return CloudErrorKind.FAILED;
    }

    /** True when AWS says the resource does not exist: a delete step counts that as done. */
    static boolean isNotFound(SdkException e) {
        if (!(e instanceof AwsServiceException service) || service.awsErrorDetails() == null) {
            return false;
        }
        return isNotFoundCode(service.awsErrorDetails().errorCode()) || service.statusCode() == 404;
    }

    /** Runs a delete call; "not found" means someone (maybe an earlier attempt) already deleted it. */
    static void ignoringNotFound(Runnable deletion) {
        try {
            deletion.run();
        } catch (SdkException e) {
            if (!isNotFound(e)) {
                throw e;
            }
        }
    }

    private static boolean isNotFoundCode(String code) {
        return code != null && (code.endsWith(".NotFound") || code.endsWith("NotFoundException")
                || code.equals("NotFound") || code.equals("NoSuchEntity") || code.equals("ParameterNotFound")
                || code.equals("ServiceNotFound") || code.equals("NamespaceNotFound")
                || code.equals("Gateway.NotAttached") || code.equals("InvalidAssociationID.NotFound"));
    }
}
