package com.mcpportal.mcpserver.auth;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Decides whether a presented API key may use this server. */
public final class ApiKeyAuthenticator {

    /**
     * The outcome: accepted with the key's public id, or refused with a message for the client;
     * {@code unavailable} when the refusal is the server's doing (a stale key set), not the key's.
     */
    public record Decision(boolean accepted, @Nullable String keyId, @Nullable String problem, boolean unavailable) {

        static Decision accept(String keyId) {
            return new Decision(true, keyId, null, false);
        }

        static Decision refuse(String problem) {
            return new Decision(false, null, problem, false);
        }

        static Decision keySetStale() {
            return new Decision(false, null, "The server cannot check API keys right now; try again later", true);
        }
    }

    private final KeyRegistry registry;
    private final @Nullable String environmentId;
    private final Clock clock;

    public ApiKeyAuthenticator(KeyRegistry registry, @Nullable String environmentId, Clock clock) {
        this.registry = registry;
        this.environmentId = environmentId;
        this.clock = clock;
    }

    public Decision authenticate(@Nullable String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Decision.refuse("An API key is required: send \"Authorization: Bearer <key>\" or \"X-API-Key: <key>\"");
        }
        Optional<AcceptedKey> found = registry.find(AcceptedKey.digest(presentedKey.trim()));
        if (found.isEmpty()) {
            // Any key but a fixed one, so a client cannot tell a key of the stale set from a guess.
            return registry.stale() ? Decision.keySetStale() : Decision.refuse("The API key is not valid");
        }
        AcceptedKey key = found.get();
        if (key.expiredAt(clock.instant())) {
            return Decision.refuse("The API key has expired");
        }
        if (!key.validFor(environmentId)) {
            return Decision.refuse("The API key is not valid for this environment");
        }
        return Decision.accept(key.id());
    }
}
