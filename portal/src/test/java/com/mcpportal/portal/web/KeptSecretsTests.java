package com.mcpportal.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

/** A secret kept for a form's retry: found by its handle in its own session only, and only for a few minutes. */
class KeptSecretsTests {

    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    /** A clock the test moves on. */
    static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aKeptSecretIsFoundByItsHandleInItsSessionUntilItExpires() {
        MovingClock clock = new MovingClock();
        KeptSecrets kept = new KeptSecrets(clock);
        MockHttpSession session = new MockHttpSession();

        String handle = kept.keep(session, "xi-secret-123456");

        assertThat(handle).doesNotContain("xi-secret").hasSizeGreaterThanOrEqualTo(20);
        assertThat(kept.find(session, handle)).contains("xi-secret-123456");
        assertThat(kept.find(new MockHttpSession(), handle)).as("another session").isEmpty();
        assertThat(kept.find(session, "guessed")).isEmpty();

        clock.now = NOW.plus(KeptSecrets.KEPT_FOR).minus(Duration.ofSeconds(1));
        assertThat(kept.find(session, handle)).contains("xi-secret-123456");
        clock.now = NOW.plus(KeptSecrets.KEPT_FOR);
        assertThat(kept.find(session, handle)).as("after %s", KeptSecrets.KEPT_FOR).isEmpty();
    }

    @Test
    void aUsedSecretIsForgotten() {
        KeptSecrets kept = new KeptSecrets(new MovingClock());
        MockHttpSession session = new MockHttpSession();
        String handle = kept.keep(session, "xi-secret-123456");

        kept.forget(session, handle);

        assertThat(kept.find(session, handle)).isEmpty();
    }
}
