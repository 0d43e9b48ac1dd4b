package com.mcpportal.mcpserver.auth;

import com.mcpportal.mcpserver.log.JsonLog;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The keys the server accepts right now: the fixed ones from the environment plus the reloadable
 * set from a {@link KeySetSource}. A reload that fails keeps the last good set.
 */
public final class KeyRegistry implements AutoCloseable {

    private final List<AcceptedKey> fixedKeys;
    private final KeySetSource source;
    private volatile List<AcceptedKey> loadedKeys = List.of();
    private volatile String loadedDocument;
    private ScheduledExecutorService refresher;

    public KeyRegistry(List<AcceptedKey> fixedKeys, KeySetSource source) {
        this.fixedKeys = List.copyOf(fixedKeys);
        this.source = source;
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
            apply(source.read());
        } catch (Exception e) {
            throw new IllegalArgumentException(source.describe() + ": cannot load the key set: " + reason(e));
        }
    }

    /** Re-reads the source every {@code period} on one daemon thread. */
    public void startRefreshing(Duration period) {
        if (source == null) {
            return;
        }
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
            apply(source.read());
            return true;
        } catch (Exception e) {
            JsonLog.warn("key_set_reload_failed", "source", source.describe(), "reason", reason(e),
                    "keys_kept", loadedKeys.size());
            return false;
        }
    }

    private void apply(String document) {
        if (document.equals(loadedDocument)) {
            return;
        }
        List<AcceptedKey> keys = KeySetDocument.parse(document);
        loadedKeys = keys;
        loadedDocument = document;
        JsonLog.info("key_set_loaded", "source", source.describe(), "keys", keys.size());
    }

    /** The key with this digest. Compares against every key in constant time per key. */
    public Optional<AcceptedKey> find(byte[] digest) {
        AcceptedKey match = null;
        for (AcceptedKey key : fixedKeys) {
            if (MessageDigest.isEqual(key.sha256(), digest)) {
                match = key;
            }
        }
        for (AcceptedKey key : loadedKeys) {
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
