package com.mcpportal.mcpserver.auth;

import com.mcpportal.mcpserver.Env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Who may call the server, from the {@code MCP_SERVER_*} auth variables.
 *
 * @param disabled         {@code MCP_SERVER_AUTH=disabled}: no key checks at all
 * @param fixedKeys        from {@code MCP_SERVER_API_KEY} and {@code MCP_SERVER_API_KEY_HASHES}
 * @param keysFile         reloadable key-set document in a file
 * @param ssmParameter     reloadable key-set document in SSM
 * @param refresh          how often the reloadable set is re-read
 * @param maxStale         how long the reloadable set is trusted when it cannot be re-read
 * @param environmentId    this deployment's environment id, for keys scoped to environments
 * @param allowedCidrs     client addresses allowed; empty allows all
 * @param trustedProxies   peers whose {@code X-Forwarded-For} is believed
 * @param maxFailures      failed attempts per address and window before 429; 0 turns it off
 * @param failureWindow    length of the throttling window
 */
public record AuthSettings(
        boolean disabled,
        List<AcceptedKey> fixedKeys,
        Optional<Path> keysFile,
        Optional<String> ssmParameter,
        Duration refresh,
        Duration maxStale,
        Optional<String> environmentId,
        List<Cidr> allowedCidrs,
        List<Cidr> trustedProxies,
        int maxFailures,
        Duration failureWindow) {

    private static final Pattern PORTAL_KEY = Pattern.compile("mcp_([A-Za-z0-9]+)_[A-Za-z0-9_-]+");
    private static final int MIN_KEY_LENGTH = 16;

    public static AuthSettings fromEnvironment(Env env) {
        String mode = env.text("MCP_SERVER_AUTH").orElse("api-key").toLowerCase(Locale.ROOT);
        if (!mode.equals("api-key") && !mode.equals("disabled")) {
            throw Env.invalid("MCP_SERVER_AUTH", "must be api-key or disabled, got \"" + mode + "\"");
        }
        List<AcceptedKey> fixed = new ArrayList<>();
        env.text("MCP_SERVER_API_KEY").ifPresent(key -> fixed.add(plainKey(key)));
        List<String> hashes = env.list("MCP_SERVER_API_KEY_HASHES");
        for (int i = 0; i < hashes.size(); i++) {
            byte[] digest = AcceptedKey.parseSha256(hashes.get(i).toLowerCase(Locale.ROOT));
            if (digest == null) {
                throw Env.invalid("MCP_SERVER_API_KEY_HASHES", "item " + (i + 1) + " is not 64 hex digits (a SHA-256)");
            }
            fixed.add(new AcceptedKey("sha256:" + AcceptedKey.hex(digest).substring(0, 12), digest, null, null));
        }
        Optional<Path> file = env.text("MCP_SERVER_KEYS_FILE").map(Path::of);
        Optional<String> ssm = env.text("MCP_SERVER_KEYS_SSM_PARAMETER");
        if (file.isPresent() && ssm.isPresent()) {
            throw Env.invalid("MCP_SERVER_KEYS_FILE", "and MCP_SERVER_KEYS_SSM_PARAMETER cannot both be set; choose one key-set source");
        }
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw Env.invalid("MCP_SERVER_KEYS_FILE", "is not a readable file: " + file.get());
        }
        boolean disabled = mode.equals("disabled");
        if (!disabled && fixed.isEmpty() && file.isEmpty() && ssm.isEmpty()) {
            throw Env.invalid("MCP_SERVER_API_KEY", "is not set and no other key source is configured"
                    + " (MCP_SERVER_API_KEY_HASHES, MCP_SERVER_KEYS_FILE, MCP_SERVER_KEYS_SSM_PARAMETER);"
                    + " set MCP_SERVER_AUTH=disabled to run without authentication");
        }
        Duration refresh = env.seconds("MCP_SERVER_KEYS_REFRESH_SECONDS", 30, 1, 86_400);
        return new AuthSettings(disabled, List.copyOf(fixed), file, ssm, refresh, maxStale(env, refresh),
                env.text("MCP_SERVER_ENVIRONMENT_ID"),
                Cidr.parseAll("MCP_SERVER_ALLOWED_CIDRS", env.list("MCP_SERVER_ALLOWED_CIDRS")),
                Cidr.parseAll("MCP_SERVER_TRUSTED_PROXIES", env.list("MCP_SERVER_TRUSTED_PROXIES")),
                env.integer("MCP_SERVER_AUTH_MAX_FAILURES", 10, 0, 1_000_000),
                env.seconds("MCP_SERVER_AUTH_FAILURE_WINDOW_SECONDS", 60, 1, 86_400));
    }

    /**
     * Five minutes, or two refresh periods if that is longer; at least two refresh periods when
     * set, so that one slow or failed read does not refuse every portal key.
     */
    private static Duration maxStale(Env env, Duration refresh) {
        long least = 2 * refresh.toSeconds();
        Duration maxStale = env.seconds("MCP_SERVER_KEYS_MAX_STALE_SECONDS", (int) Math.max(300, least), 2, 604_800);
        if (maxStale.toSeconds() < least) {
            throw Env.invalid("MCP_SERVER_KEYS_MAX_STALE_SECONDS", "must be at least twice MCP_SERVER_KEYS_REFRESH_SECONDS ("
                    + least + "), got " + maxStale.toSeconds());
        }
        return maxStale;
    }

    private static AcceptedKey plainKey(String key) {
        if (key.length() < MIN_KEY_LENGTH) {
            throw Env.invalid("MCP_SERVER_API_KEY", "must be at least " + MIN_KEY_LENGTH + " characters long");
        }
        // Portal-issued keys carry their public id; a hand-made key is simply "env".
        Matcher portalKey = PORTAL_KEY.matcher(key);
        String id = portalKey.matches() ? portalKey.group(1) : "env";
        return new AcceptedKey(id, AcceptedKey.digest(key), null, null);
    }

    /** The key registry these settings describe; the reloadable source is created only if configured. */
    public KeyRegistry newKeyRegistry(Clock clock) {
        @Nullable KeySetSource source = disabled ? null : keysFile.<KeySetSource>map(FileKeySetSource::new)
                .orElseGet(() -> ssmParameter.map(AuthSettings::ssmSource).orElse(null));
        return new KeyRegistry(disabled ? List.of() : fixedKeys, source, maxStale, clock);
    }

    private static KeySetSource ssmSource(String parameter) {
        try {
            return new SsmKeySetSource(parameter);
        } catch (RuntimeException e) {
            throw Env.invalid("MCP_SERVER_KEYS_SSM_PARAMETER", "cannot create the SSM client: " + e.getMessage());
        }
    }

    /** Short description of the key sources for the start-up log (no key material). */
    public String describeSources() {
        if (disabled) {
            return "disabled";
        }
        List<String> names = new ArrayList<>();
        if (!fixedKeys.isEmpty()) {
            names.add("env");
        }
        keysFile.ifPresent(path -> names.add("file"));
        ssmParameter.ifPresent(name -> names.add("ssm"));
        return String.join(",", names);
    }
}
