package com.mcpportal.portal.schedule;

/** What a disabled schedule means: the environment stays on, or stays off, until the schedule is enabled again. */
public enum WhenDisabled {
    ALWAYS_ON(PowerState.ON), ALWAYS_OFF(PowerState.OFF);

    private final PowerState state;

    WhenDisabled(PowerState state) {
        this.state = state;
    }

    public PowerState state() {
        return state;
    }
}
