package com.mcpportal.portal.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * A secret typed into a form that was refused for another reason (an ElevenLabs key beside a bad CIDR), kept in the
 * person's session for a few minutes under a random handle, so the retry needs no retyping while the page itself
 * carries only the handle, never the secret. The session lives in the portal's memory only (no session store).
 */
@Component
public class KeptSecrets {

    /** How long a kept secret waits for the retry. */
    public static final Duration KEPT_FOR = Duration.ofMinutes(10);

    private static final String ATTRIBUTE = KeptSecrets.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Kept(String secret, Instant until) {

        @Override
        public String toString() {
            return "Kept[until " + until + "]";
        }
    }

    private final Clock clock;

    public KeptSecrets(Clock clock) {
        this.clock = clock;
    }

    /** Keeps the secret and answers the handle the form sends back instead of it. */
    public String keep(HttpSession session, String secret) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        kept(session).put(handle, new Kept(secret, clock.instant().plus(KEPT_FOR)));
        return handle;
    }

    /** The secret kept under the handle, unless it was never kept here, is forgotten or has expired. */
    public Optional<String> find(HttpSession session, String handle) {
        if (handle == null || handle.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(kept(session).get(handle)).map(Kept::secret);
    }

    /** Drops the secret once it has been used (or replaced). */
    public void forget(HttpSession session, String handle) {
        if (handle != null) {
            kept(session).remove(handle);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Kept> kept(HttpSession session) {
        Map<String, Kept> kept;
        synchronized (WebUtils.getSessionMutex(session)) {
            kept = (Map<String, Kept>) session.getAttribute(ATTRIBUTE);
            if (kept == null) {
                kept = new ConcurrentHashMap<>();
                session.setAttribute(ATTRIBUTE, kept);
            }
        }
        Instant now = clock.instant();
        kept.values().removeIf(entry -> !entry.until().isAfter(now));
        return kept;
    }
}
