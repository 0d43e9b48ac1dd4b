package com.mcpportal.mcpserver.auth;

import com.mcpportal.mcpserver.log.JsonLog;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The keys the server accepts right now: the fixed ones from the environment plus the reloadable
 * set from a {@link KeySetSource}. A reload that fails keeps the last good set, but only for
 * {@code maxStale}: a set that has not been read successfully for longer is stale, and its keys
 * are no longer accepted, so a revoked key does not live on while SSM or the file is unreadable.
 * The fixed keys never go stale.
 */
public final class KeyRegistry implements AutoCloseable {

    /** Adds the key-set metric to a {@code key_set_stale} log line (CloudWatch EMF, see the http package). */
    @FunctionalInterface
    public interface StaleMetric {
        void append(StringBuilder line, long epochMillis);
    }

    /** Only a set that was loaded once can go stale ({@link #stale()}). */
    private static final String STALE_WAS_LOADED = "a stale key set was loaded once";

    private final List<AcceptedKey> fixedKeys;
    private final @Nullable KeySetSource source;
    private final Duration maxStale;
    private final Clock clock;
    private volatile List<AcceptedKey> loadedKeys = List.of();
    private volatile @Nullable String loadedDocument;
    private volatile @Nullable Instant lastLoaded;
    private volatile boolean reportedStale;
    private @Nullable StaleMetric staleMetric;
    private @Nullable ScheduledExecutorService refresher;

    /**
     * @param source   the reloadable set, or {@code null} for fixed keys only
     * @param maxStale how long the reloadable set is trusted after its last successful read
     */
    public KeyRegistry(List<AcceptedKey> fixedKeys, @Nullable KeySetSource source, Duration maxStale, Clock clock) {
        this.fixedKeys = List.copyOf(fixedKeys);
        this.source = source;
        this.maxStale = maxStale;
        this.clock = clock;
    }

    /**
     * Loads the reloadable set once, and refuses to go on without it: a server that starts with
     * no keys would refuse every client until the next refresh.
     *
     * @throws IllegalArgumentException naming the variable of the source
     */
    public void loadInitial() {
        if (source == null) {
            return;
        }
        try {
            apply(source, source.read());
        } catch (Exception e) {
            throw new IllegalArgumentException(source.describe() + ": cannot load the key set: " + reason(e));
        }
    }

    /**
     * Re-reads the source every {@code period} on one daemon thread.
     *
     * @param staleMetric adds the metric to each {@code key_set_stale} line; {@code null} when metrics are off
     */
    public void startRefreshing(Duration period, @Nullable StaleMetric staleMetric) {
        if (source == null) {
            return;
        }
        this.staleMetric = staleMetric;
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "key-set-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long millis = period.toMillis();
        refresher.scheduleWithFixedDelay(this::reload, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Reads the source now; returns whether the set it holds is current. */
    public boolean reload() {
        if (source == null) {
            return true;
        }
        try {
            apply(source, source.read());
            return true;
        } catch (Exception e) {
            reloadFailed(source, reason(e));
            return false;
        }
    }

    private void apply(KeySetSource from, String document) {
        List<AcceptedKey> keys = document.equals(loadedDocument) ? loadedKeys : KeySetDocument.parse(document);
        Instant now = clock.instant();
        if (reportedStale) {
            reportedStale = false;
            JsonLog.info("key_set_recovered", "source", from.describe(), "keys", keys.size(), "stale_seconds",
                    Duration.between(Objects.requireNonNull(lastLoaded, STALE_WAS_LOADED).plus(maxStale), now)
                            .toSeconds());
        }
        lastLoaded = now;
        if (keys != loadedKeys) {
            loadedKeys = keys;
            loadedDocument = document;
            JsonLog.info("key_set_loaded", "source", from.describe(), "keys", keys.size());
        }
    }

    private void reloadFailed(KeySetSource from, String reason) {
        if (!stale()) {
            JsonLog.warn("key_set_reload_failed", "source", from.describe(), "reason", reason,
                    "keys_kept", loadedKeys.size());
            return;
        }
        // Every failed attempt while stale: an alarm on the metric sees it as long as it lasts.
        reportedStale = true;
        if (!JsonLog.enabled(JsonLog.Level.ERROR)) {
            return;
        }
        Instant now = clock.instant();
        StringBuilder line = JsonLog.begin(JsonLog.Level.ERROR, "key_set_stale", now);
        JsonLog.field(line, "source", from.describe());
        JsonLog.field(line, "reason", reason);
        JsonLog.field(line, "last_loaded", Objects.requireNonNull(lastLoaded, STALE_WAS_LOADED).toString());
        JsonLog.field(line, "max_stale_seconds", maxStale.toSeconds());
        JsonLog.field(line, "keys_refused", loadedKeys.size());
        if (staleMetric != null) {
            staleMetric.append(line, now.toEpochMilli());
        }
        JsonLog.end(line);
    }

    /**
     * Whether the reloadable set is older than allowed: its keys are then refused until a reload
     * succeeds. Never true without a reloadable source.
     */
    public boolean stale() {
        Instant loaded = lastLoaded;
        return source != null && loaded != null && clock.instant().isAfter(loaded.plus(maxStale));
    }

    /** The key with this digest. Compares against every usable key in constant time per key. */
    public Optional<AcceptedKey> find(byte[] digest) {
        AcceptedKey match = null;
        for (AcceptedKey key : fixedKeys) {
            if (MessageDigest.isEqual(key.sha256(), digest)) {
                match = key;
            }
        }
        for (AcceptedKey key : stale() ? List.<AcceptedKey>of() : loadedKeys) {
            if (MessageDigest.isEqual(key.sha256(), digest)) {
                match = key;
            }
        }
        return Optional.ofNullable(match);
    }

    public int size() {
        return fixedKeys.size() + loadedKeys.size();
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                JsonLog.warn("key_set_source_close_failed", "reason", reason(e));
            }
        }
    }
}
