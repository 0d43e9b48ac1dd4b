package com.mcpportal.portal.cloud.aws;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.StepRetry;

import software.amazon.awssdk.core.exception.SdkException;

/** Polls until a resource reaches a state, or fails the step with a timeout that says where it got stuck. */
final class Waiter {

    private final Duration interval;
    private final Duration timeout;
    private final StepRetry.Sleeper sleeper;

    Waiter(Duration interval, Duration timeout, StepRetry.Sleeper sleeper) {
        this.interval = interval;
        this.timeout = timeout;
        this.sleeper = sleeper;
    }

    /**
     * Runs a call that uses a resource created moments ago. EC2 is eventually consistent: the new
     * id may still be "not found" for a few seconds, and failing the whole step then would make
     * its retry look the resource up by tag too early and create a second one.
     */
    <T> T whileNotFound(Supplier<T> call) {
        long rounds = Math.max(1, timeout.toMillis() / Math.max(1, interval.toMillis()));
        for (long round = 0;; round++) {
            try {
                return call.get();
            } catch (SdkException e) {
                if (!AwsErrors.isNotFound(e) || round >= rounds) {
                    throw e;
                }
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CloudException(CloudErrorKind.TRANSIENT, null, null, null, "Interrupted", e);
            }
        }
    }

    /**
     * Asks {@code poll} until {@code done} holds, at most {@code timeout / interval} more times.
     *
     * @param what     what is awaited, for the timeout message ("NAT instance i-1 running")
     * @param describe how the last answer reads in the timeout message
     */
    <T> T until(String what, Supplier<T> poll, Predicate<T> done, Function<T, String> describe) {
        long rounds = Math.max(1, timeout.toMillis() / Math.max(1, interval.toMillis()));
        T last = poll.get();
        for (long round = 0; !done.test(last); round++) {
            if (round >= rounds) {
                throw new CloudException(CloudErrorKind.TIMEOUT, null, null, null,
                        "Gave up waiting for " + what + " after " + timeout + "; last seen: " + describe.apply(last),
                        null);
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CloudException(CloudErrorKind.TRANSIENT, null, null, null,
                        "Interrupted while waiting for " + what, e);
            }
            last = poll.get();
        }
        return last;
    }
}
