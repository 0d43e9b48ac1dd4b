package com.mcpportal.portal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PortalMetricsTests {

    enum State { DRAFT, PROVISIONING, READY }

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final PortalMetrics metrics = new PortalMetrics(registry);

    @Test
    void countsOperationsByKindAndOutcomeAndTimesThem() {
        metrics.operationFinished("Provision", "succeeded", Duration.ofSeconds(90));
        metrics.operationFinished("provision", "succeeded");
        metrics.operationFinished("stop", "failed", Duration.ofSeconds(3));

        assertThat(registry.get("portal.operations").tags("kind", "provision", "outcome", "succeeded").counter()
                .count()).isEqualTo(2);
        assertThat(registry.get("portal.operations").tags("kind", "stop", "outcome", "failed").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("portal.operations.duration").tags("kind", "provision").timer().count()).isEqualTo(1);
        assertThat(registry.get("portal.operations.duration").tags("kind", "stop").timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void countsKeySetPublicationsPerEnvironmentKeepingTheIdAsItIs() {
        metrics.keySetPublished("Env-A");
        metrics.keySetPublished("Env-A");
        metrics.keySetPublishFailed("Env-A");

        assertThat(registry.get("portal.keysets.published").tags("environment", "Env-A", "outcome", "succeeded")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get("portal.keysets.published").tags("outcome", "failed").counter().count()).isEqualTo(1);
    }

    @Test
    void gaugesEveryStateFromOneReadingOfTheCountsPerScrape() {
        AtomicInteger reads = new AtomicInteger();
        Map<State, Long> counts = new EnumMap<>(State.class);
        counts.put(State.READY, 4L);
        metrics.gaugeEnvironmentsByState(State.class, () -> {
            reads.incrementAndGet();
            return Map.copyOf(counts);
        });

        assertThat(gauge("ready")).isEqualTo(4);
        assertThat(gauge("draft")).isZero();
        assertThat(gauge("provisioning")).isZero();
        assertThat(reads).hasValue(1);

        counts.put(State.READY, 5L);
        clock.add(PortalMetrics.COUNTS_CACHE.minusMillis(1));
        assertThat(gauge("ready")).isEqualTo(4);
        clock.add(Duration.ofMillis(1));
        assertThat(gauge("ready")).isEqualTo(5);
        assertThat(reads).hasValue(2);
    }

    private double gauge(String state) {
        return registry.get("portal.environments").tag("state", state).gauge().value();
    }
}
