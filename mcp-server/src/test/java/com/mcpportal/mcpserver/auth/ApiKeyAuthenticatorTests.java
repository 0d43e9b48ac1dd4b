package com.mcpportal.mcpserver.auth;

import com.mcpportal.mcpserver.testsupport.KeySets;
import com.mcpportal.mcpserver.testsupport.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyAuthenticatorTests {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final KeyRegistry registry = new KeyRegistry(List.of(
            new AcceptedKey("open", AcceptedKey.digest("open-key-0123456789"), null, null),
            new AcceptedKey("old", AcceptedKey.digest("old-key-0123456789"), NOW, null),
            new AcceptedKey("later", AcceptedKey.digest("later-key-0123456789"), NOW.plusSeconds(1), null),
            new AcceptedKey("scoped", AcceptedKey.digest("scoped-key-0123456789"), null, Set.of("env-a"))), null,
            Duration.ofMinutes(5), CLOCK);

    @Test
    void acceptsAKnownKeyAndReportsItsPublicId() {
        ApiKeyAuthenticator.Decision decision = new ApiKeyAuthenticator(registry, "env-a", CLOCK)
                .authenticate("open-key-0123456789");
        assertThat(decision.accepted()).isTrue();
        assertThat(decision.keyId()).isEqualTo("open");
    }

    @Test
    void refusesMissingUnknownAndExpiredKeys() {
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(registry, "env-a", CLOCK);
        assertThat(authenticator.authenticate(null).problem()).contains("API key is required");
        assertThat(authenticator.authenticate("guess-0123456789").problem()).isEqualTo("The API key is not valid");
        assertThat(authenticator.authenticate("old-key-0123456789").problem()).isEqualTo("The API key has expired");
        assertThat(authenticator.authenticate("later-key-0123456789").accepted()).isTrue();
    }

    @Test
    void scopedKeyWorksOnlyInItsEnvironments() {
        assertThat(new ApiKeyAuthenticator(registry, "env-a", CLOCK).authenticate("scoped-key-0123456789").accepted())
                .isTrue();
        assertThat(new ApiKeyAuthenticator(registry, "env-b", CLOCK).authenticate("scoped-key-0123456789").problem())
                .isEqualTo("The API key is not valid for this environment");
        // A server that does not know its environment cannot vouch for a scoped key.
        assertThat(new ApiKeyAuthenticator(registry, null, CLOCK).authenticate("scoped-key-0123456789").accepted())
                .isFalse();
    }

    @Test
    void whileTheKeySetIsStaleAnyKeyButAFixedOneIsUnavailableNotInvalid() {
        TestClock clock = new TestClock(NOW);
        KeyRegistry stale = new KeyRegistry(List.of(new AcceptedKey("env", AcceptedKey.digest("fixed-key-0123456789"),
                null, null)), new KeySetSource() {
                    private boolean loaded;

                    @Override
                    public String read() {
                        if (loaded) {
                            throw new IllegalStateException("unreadable");
                        }
                        loaded = true;
                        return KeySets.document(KeySets.entry("portal", "portal-key-0123456789"));
                    }

                    @Override
                    public String describe() {
                        return "TEST";
                    }
                }, Duration.ofMinutes(5), clock);
        stale.loadInitial();
        clock.advance(Duration.ofMinutes(6));
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(stale, "env-a", clock);

        for (String key : new String[] {"portal-key-0123456789", "guess-0123456789"}) {
            ApiKeyAuthenticator.Decision decision = authenticator.authenticate(key);
            assertThat(decision.accepted()).isFalse();
            assertThat(decision.unavailable()).isTrue();
            assertThat(decision.problem()).isEqualTo("The server cannot check API keys right now; try again later");
        }
        assertThat(authenticator.authenticate("fixed-key-0123456789").accepted()).isTrue();
        assertThat(authenticator.authenticate(null).unavailable()).isFalse();
    }
}
