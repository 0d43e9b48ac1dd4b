package com.mcpportal.portal.environment.update;

import com.mcpportal.portal.cloud.ImageRef;

/**
 * How an environment's MCP server compares with the one this portal carries, and what "Roll back" would return to.
 *
 * @param running        the image the environment runs (null before provisioning recorded one)
 * @param carriedVersion the version of the server this portal carries (null when it carries none)
 * @param carriedCommit  its git commit ("unknown" when built without git)
 * @param rollbackTo     the image that ran before the last update (null: nothing to roll back to)
 */
public record ServerUpdate(Status status, ImageRef running, String carriedVersion, String carriedCommit,
        ImageRef rollbackTo) {

    /** Where the running server stands. */
    public enum Status {
        /** The portal carries a higher version. */
        NEWER_VERSION,
        /** The same version, built differently: other jars (a SNAPSHOT with changes), another base image. */
        NEW_BUILD,
        /** The environment runs the server this portal carries. */
        UP_TO_DATE,
        /** The environment runs a higher version than this portal carries (it was updated by a newer portal). */
        PORTAL_OLDER,
        /** The environment runs a team's own image, none yet, or this portal carries no server. */
        NOT_APPLICABLE
    }

    /** Whether "Update server" would bring a newer server. */
    public boolean available() {
        return status == Status.NEWER_VERSION || status == Status.NEW_BUILD;
    }

    public boolean canRollBack() {
        return rollbackTo != null;
    }

    /** One sentence for the environment page, or null when there is nothing to say. */
    public String summary() {
        return switch (status) {
            case NEWER_VERSION -> "MCP server " + carriedVersion + " is available; this environment runs "
                    + running.version() + ".";
            case NEW_BUILD -> "A new build of MCP server " + carriedVersion + " is available" + commitNote() + ".";
            case UP_TO_DATE -> "Up to date: this is the server the portal carries.";
            case PORTAL_OLDER -> "This environment runs a newer server than this portal carries (" + carriedVersion
                    + ").";
            case NOT_APPLICABLE -> null;
        };
    }

    private String commitNote() {
        boolean known = carriedCommit != null && carriedCommit.matches("[0-9a-f]{7,}");
        boolean runningKnown = running.commit() != null && running.commit().matches("[0-9a-f]{7,}");
        if (!known || !runningKnown || carriedCommit.equals(running.commit())) {
            return known ? " (commit " + carriedCommit.substring(0, 7) + ")" : "";
        }
        return " (commit " + carriedCommit.substring(0, 7) + "; this environment runs " + running.commit()
                .substring(0, 7) + ")";
    }
}
