package com.mcpportal.portal.cost;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The cost feature's "now": the start of the next-30-days window an estimate counts, and the date prices are
 * fetched on. Its own type, not a bare {@link Clock} bean, so it never competes with another feature's clock;
 * tests replace it with a fixed one.
 */
class CostClock {

    private final Clock clock;

    CostClock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Clock clock() {
        return clock;
    }
}
