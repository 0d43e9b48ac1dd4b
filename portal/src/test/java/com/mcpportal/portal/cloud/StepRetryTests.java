package com.mcpportal.portal.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StepRetryTests {

    private final List<Duration> pauses = new ArrayList<>();
    private final StepRetry retry = new StepRetry(3, Duration.ofSeconds(2), pauses::add);

    @Test
    void retriesRetryableFailuresWithGrowingPauses() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retry.run("ensure-network", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw failure(CloudErrorKind.TRANSIENT);
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void givesUpAfterTheLastAttemptNamingTheStep() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run("ensure-network", () -> {
            attempts.incrementAndGet();
            throw failure(CloudErrorKind.NOT_FOUND);
        })).isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.step()).isEqualTo("ensure-network"));
        assertThat(attempts).hasValue(3);
    }

    @Test
    void fatalFailuresPassAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run("ensure-network", () -> {
            attempts.incrementAndGet();
            throw failure(CloudErrorKind.ACCESS_DENIED);
        })).isInstanceOf(CloudException.class).hasMessageStartingWith("ensure-network: ec2 UnauthorizedOperation");
        assertThat(attempts).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    private static CloudException failure(CloudErrorKind kind) {
        return new CloudException(kind, null, "ec2", "UnauthorizedOperation", "no", null);
    }
}
