package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.mcpportal.portal.cloud.CloudErrorKind;

class AwsErrorsTests {

    @ParameterizedTest
    @CsvSource({
        "ThrottlingException, 400, TRANSIENT",
        "RequestLimitExceeded, 503, TRANSIENT",
        "Throttling, 400, TRANSIENT",
        "InternalError, 500, TRANSIENT",
        "SomethingNew, 502, TRANSIENT",
        "DependencyViolation, 400, TRANSIENT",
        "ClusterContainsServicesException, 400, TRANSIENT",
        "InvalidVpcID.NotFound, 400, NOT_FOUND",
        "RepositoryNotFoundException, 400, NOT_FOUND",
        "UnauthorizedOperation, 403, ACCESS_DENIED",
        "AccessDenied, 403, ACCESS_DENIED",
        "AccessDeniedException, 400, ACCESS_DENIED",
        "AuthFailure, 401, ACCESS_DENIED",
        "InvalidParameterValue, 400, INVALID_REQUEST",
        "InvalidParameterException, 400, INVALID_REQUEST",
        "ValidationException, 400, INVALID_REQUEST",
        "ClientException, 400, INVALID_REQUEST",
        "VpcLimitExceeded, 400, INVALID_REQUEST",
        "SomethingElse, 400, FAILED"
    })
    void classifiesAwsErrorCodes(String code, int status, CloudErrorKind kind) {
        assertThat(AwsErrors.kindOf(code, status, false)).isEqualTo(kind);
    }
}
