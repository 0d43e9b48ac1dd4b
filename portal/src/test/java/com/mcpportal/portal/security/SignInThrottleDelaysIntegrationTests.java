package com.mcpportal.portal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.user.UserAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The throttle's counters in the database over time: waits double from failure to failure up to the maximum (so
 * guessing slows to a few tries an hour, and nothing stays locked for good), and an hour without failures forgets
 * them. Time is moved by giving the throttle a clock of its own per step; the counters live in the shared database.
 */
@PortalIntegrationTest
class SignInThrottleDelaysIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignInSettings settings;

    @Autowired
    UserAccounts users;

    @Autowired
    PortalSessions sessions;

    @Autowired
    AuditLog auditLog;

    @Test
    void eachFailurePastTheFreeOnesDoublesTheWaitUpToTheMaximumThenAQuietHourForgetsThem() {
        String username = TestData.unique("guessed");
        String address = "198.18.0.1";
        Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int free = 1; free <= settings.freeFailures(); free++) {
            assertThat(at(time).recordFailure(username, address)).isEmpty();
        }
        assertThat(at(time).waitBefore(username, "198.18.0.2")).isEmpty();

        List<Duration> waits = new ArrayList<>();
        for (int failure = 0; failure < 8; failure++) {
            List<SignInThrottle.Delay> started = at(time).recordFailure(username, address);
            assertThat(started).extracting(SignInThrottle.Delay::kind).containsExactly(SignInThrottle.USERNAME);
            Instant until = started.get(0).until();
            assertThat(at(time).waitBefore(username, "198.18.0.2")).contains(Duration.between(time, until));
            assertThat(at(until).waitBefore(username, "198.18.0.2")).as("the wait is over at its end").isEmpty();
            waits.add(Duration.between(time, until));
            time = until;
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(15),
                Duration.ofMinutes(15));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'auth.sign-in.throttled'"
                + " AND target_id = ?", Long.class, username)).isEqualTo(8);

        Instant quietHourLater = time.plus(settings.forgetAfter()).plusSeconds(1);
        assertThat(at(quietHourLater).recordFailure(username, address)).as("counted from one again").isEmpty();
    }

    @Test
    void anAddressWaitsAfterItsFreeFailuresWhateverUsernamesItTried() {
        String address = "198.18.1.1";
        Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int free = 1; free <= settings.addressFreeFailures(); free++) {
            assertThat(at(time).recordFailure(TestData.unique("sprayed"), address)).isEmpty();
        }
        List<SignInThrottle.Delay> started = at(time).recordFailure(TestData.unique("sprayed"), address);

        assertThat(started).extracting(SignInThrottle.Delay::kind, SignInThrottle.Delay::key)
                .containsExactly(tuple(SignInThrottle.ADDRESS, address));
        assertThat(at(time).waitBefore(TestData.unique("anyone"), address)).contains(settings.firstDelay());
        assertThat(at(time).waitBefore(TestData.unique("anyone"), "198.18.1.2")).isEmpty();
    }

    private SignInThrottle at(Instant instant) {
        return new SignInThrottle(jdbc, settings, users, sessions, auditLog, Clock.fixed(instant, ZoneOffset.UTC));
    }
}
