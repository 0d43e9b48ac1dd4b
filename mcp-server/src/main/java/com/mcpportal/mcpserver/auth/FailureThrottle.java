package com.mcpportal.mcpserver.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per client address in fixed windows; an address that fails more
 * than {@code maxFailures} times in one window is refused until the window ends.
 */
public final class FailureThrottle {

    /** Bounds memory under a spray of addresses; past it, stale windows are purged first. */
    private static final int MAX_TRACKED = 50_000;

    private final int maxFailures;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public FailureThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Seconds the client must wait, or 0 when it may try. */
    public long retryAfterSeconds(String client) {
        if (maxFailures <= 0) {
            return 0;
        }
        Window window = windows.get(client);
        long now = clock.millis();
        if (window == null || window.failures <= maxFailures || now >= window.start + windowMillis) {
            return 0;
        }
        return Math.max(1, (window.start + windowMillis - now + 999) / 1000);
    }

    public void recordFailure(String client) {
        if (maxFailures <= 0) {
            return;
        }
        long now = clock.millis();
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(w -> now >= w.start + windowMillis);
            if (windows.size() >= MAX_TRACKED) {
                windows.clear();
            }
        }
        windows.compute(client, (key, window) -> window == null || now >= window.start + windowMillis
                ? new Window(now, 1) : new Window(window.start, window.failures + 1));
    }

    private record Window(long start, int failures) {
    }
}
