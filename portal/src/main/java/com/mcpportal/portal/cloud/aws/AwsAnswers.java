package com.mcpportal.portal.cloud.aws;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;

/**
 * Reading AWS answers safely. Every output field of an AWS API is optional (real answers and emulators leave some
 * out), so a field the step cannot do without fails the step with a message naming it, never with a
 * NullPointerException that would reach the user as an internal error; counts read as zero when absent.
 */
final class AwsAnswers {

    private AwsAnswers() {
    }

    /** The value, or a failed step saying which answer lacked it. */
    static <T> T required(T value, String service, String what) {
        if (value == null) {
            throw new CloudException(CloudErrorKind.FAILED, null, service, "IncompleteAnswer",
                    "AWS answered without " + what + "; retry the step", null);
        }
        return value;
    }

    static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
