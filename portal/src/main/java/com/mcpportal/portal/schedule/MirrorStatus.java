package com.mcpportal.portal.schedule;

import java.time.Instant;

/**
 * Whether an environment keeps its hours in its cloud, and how that mirror stood when the portal last looked.
 *
 * @param message   what was found or went wrong (the cloud's own message for {@link State#FAILED}); nullable
 * @param checkedAt when the portal last wrote or read the mirror; null: not yet
 */
public record MirrorStatus(boolean keepInCloud, State state, String message, Instant checkedAt) {

    /** The mirror's state as the schedule page shows it. */
    public enum State {
        /** Asked for; the next reconcile pass (within a minute) writes it. */
        PENDING("being written"),
        IN_SYNC("in sync"),
        /** The last check found schedules changed or deleted by hand in the cloud, and put them right. */
        DRIFTED("drifted, put right"),
        FAILED("failed");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final MirrorStatus OFF = new MirrorStatus(false, State.PENDING, null, null);
}
