package com.mcpportal.portal.team;

/** A member's role in one team, from most to least powerful. */
public enum TeamRole {
    /** Manages the team: members, keys, audit, and everything an operator does. */
    OWNER("Owner"),
    /** Runs the team's environments: start, stop, schedules. */
    OPERATOR("Operator"),
    /** Reads everything in the team, changes nothing. */
    VIEWER("Viewer");

    private final String label;

    TeamRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether someone with this role may do what {@code required} may do. */
    public boolean includes(TeamRole required) {
        return ordinal() <= required.ordinal();
    }
}
