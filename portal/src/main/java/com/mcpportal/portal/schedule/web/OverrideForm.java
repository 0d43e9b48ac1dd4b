package com.mcpportal.portal.schedule.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.Optional;

import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.PowerState;

/**
 * "Keep on/off until …": the state and a local date-time in the schedule's zone (a {@code datetime-local} field).
 *
 * @param state ON or OFF
 * @param until e.g. {@code 2026-12-07 18:00} (or with a T, as a {@code datetime-local} field sends it)
 */
record OverrideForm(PowerState state, String until) {

    /** The form's first offer: keep on until the top of the hour after the next two. */
    static OverrideForm suggested(ZoneId zone, Instant now) {
        LocalDateTime inTwoHours = now.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.HOURS).plusHours(3);
        return new OverrideForm(PowerState.ON, inTwoHours.toString().replace('T', ' '));
    }

    /** The override, or empty when the end cannot be read (the caller says so beside the field). */
    Optional<ManualOverride> toOverride(ZoneId zone) {
        if (state == null || until == null || until.isBlank()) {
            return Optional.empty();
        }
        try {
            // A time inside a DST gap moves forward by the gap's length, as the clocks do.
            return Optional.of(new ManualOverride(state,
                    ZonedDateTime.ofLocal(LocalDateTime.parse(until.trim().replace(' ', 'T')), zone, null).toInstant()));
        } catch (DateTimeParseException invalid) {
            return Optional.empty();
        }
    }
}
