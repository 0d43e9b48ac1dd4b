package com.mcpportal.portal.monitoring;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The portal's own business metrics, in one place so their names and tags stay consistent. Features call
 * these methods; nothing else registers {@code portal.*} meters (except the AWS call interceptor and the
 * scheduler lag listener). Metric names are lower-case and dotted; Prometheus shows them with underscores.
 */
@Component
public class PortalMetrics {

    static final String OPERATIONS = "portal.operations";
    static final String OPERATION_DURATION = "portal.operations.duration";
    static final String KEY_SETS_PUBLISHED = "portal.keysets.published";
    static final String ENVIRONMENTS = "portal.environments";
    static final String ERROR_RATE_CROSSINGS = "portal.mcp.error_rate.crossings";
    /** How long one reading of the environment counts serves every state's gauge: one query per scrape. */
    static final Duration COUNTS_CACHE = Duration.ofSeconds(5);

    private final MeterRegistry registry;

    public PortalMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Counts one finished operation ({@code portal.operations}, tags {@code kind} and {@code outcome}) and,
     * when known, how long it took ({@code portal.operations.duration}).
     *
     * @param kind    what ran: {@code provision}, {@code start}, {@code stop}, {@code deprovision}, {@code reconcile} …
     * @param outcome how it ended: {@code succeeded}, {@code failed}, {@code cancelled} …
     * @param took    the operation's wall-clock time, or null when not measured
     */
    public void operationFinished(String kind, String outcome, @Nullable Duration took) {
        Counter.builder(OPERATIONS).description("Environment operations finished, by kind and outcome")
                .tag("kind", label(kind)).tag("outcome", label(outcome)).register(registry).increment();
        if (took != null) {
            Timer.builder(OPERATION_DURATION).description("How long environment operations took")
                    .tag("kind", label(kind)).tag("outcome", label(outcome)).register(registry).record(took);
        }
    }

    /** {@link #operationFinished(String, String, Duration)} without a duration. */
    public void operationFinished(String kind, String outcome) {
        operationFinished(kind, outcome, null);
    }

    /**
     * Counts one publication of an environment's accepted key hashes ({@code portal.keysets.published},
     * tags {@code environment} and {@code outcome=succeeded}).
     */
    public void keySetPublished(String environmentId) {
        keySetPublication(environmentId, "succeeded");
    }

    /** Counts a key-set publication that failed ({@code outcome=failed}); the keys the server holds are stale. */
    public void keySetPublishFailed(String environmentId) {
        keySetPublication(environmentId, "failed");
    }

    private void keySetPublication(String environmentId, String outcome) {
        Counter.builder(KEY_SETS_PUBLISHED).description("Key sets published to MCP servers, by environment")
                .tag("environment", environmentId == null ? "unknown" : environmentId).tag("outcome", outcome).register(registry).increment();
    }

    /**
     * Counts an environment's MCP error rate crossing the threshold ({@code portal.mcp.error_rate.crossings}, tags
     * {@code environment} and {@code direction}: {@code flagged} when it rose past it, {@code cleared} when it fell
     * back). Called once per crossing, not per check.
     */
    public void errorRateCrossed(String environmentId, boolean flagged) {
        Counter.builder(ERROR_RATE_CROSSINGS).description("MCP server error rates crossing the threshold, by environment")
                .tag("environment", environmentId == null ? "unknown" : environmentId)
                .tag("direction", flagged ? "flagged" : "cleared").register(registry).increment();
    }

    /**
     * Registers the {@code portal.environments} gauge, one time series per state (tag {@code state}, lower-case
     * enum name). {@code counts} is read at most once per {@link #COUNTS_CACHE} for all states together, so a
     * repository query there runs once per scrape; a state missing from the map counts 0.
     */
    public <S extends Enum<S>> void gaugeEnvironmentsByState(Class<S> states, Supplier<Map<S, Long>> counts) {
        CachedCounts<S> cached = new CachedCounts<>(counts, registry.config().clock());
        for (S state : states.getEnumConstants()) {
            Gauge.builder(ENVIRONMENTS, cached, c -> c.get().getOrDefault(state, 0L))
                    .description("Environments by lifecycle state").tag("state", label(state.name()))
                    .strongReference(true).register(registry);
        }
    }

    private static String label(String value) {
        return value == null || value.isBlank() ? "unknown" : value.toLowerCase(Locale.ROOT);
    }

    /**
     * One reading of the counts shared by every state's gauge for a few seconds, timed by the meter registry's
     * monotonic clock (a measurement, not the portal's time).
     */
    private static final class CachedCounts<S> {

        private final Supplier<Map<S, Long>> source;
        private final Clock clock;
        private Map<S, Long> last = Map.of();
        private long readAt;
        private boolean read;

        CachedCounts(Supplier<Map<S, Long>> source, Clock clock) {
            this.source = source;
            this.clock = clock;
        }

        synchronized Map<S, Long> get() {
            long now = clock.monotonicTime();
            if (!read || now - readAt >= COUNTS_CACHE.toNanos()) {
                last = Objects.requireNonNullElse(source.get(), Map.of());
                readAt = now;
                read = true;
            }
            return last;
        }
    }
}
