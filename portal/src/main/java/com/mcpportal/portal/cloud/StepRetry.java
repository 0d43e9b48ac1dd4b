package com.mcpportal.portal.cloud;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a cloud step again when it failed in a way that a retry can fix (throttling after the
 * SDK's own retries, a dependency still being deleted, eventual consistency), with exponential
 * backoff; fatal errors pass through at once.
 */
public final class StepRetry {

    /** Sleeps between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration firstDelay;
    private final Sleeper sleeper;

    public StepRetry(int maxAttempts, Duration firstDelay, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.firstDelay = firstDelay;
        this.sleeper = sleeper;
    }

    public StepRetry(int maxAttempts, Duration firstDelay) {
        this(maxAttempts, firstDelay, duration -> Thread.sleep(duration.toMillis()));
    }

    /** Runs {@code step}, retrying retryable {@link CloudException}s up to the attempt limit. */
    public <T> T run(String stepName, Supplier<T> step) {
        Duration delay = firstDelay;
        for (int attempt = 1;; attempt++) {
            try {
                return step.get();
            } catch (CloudException e) {
                CloudException failure = e.inStep(stepName);
                if (!failure.retryable() || attempt >= maxAttempts) {
                    throw failure;
                }
                pause(delay, failure);
                delay = delay.multipliedBy(2);
            }
        }
    }

    private void pause(Duration delay, CloudException failure) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
