package com.mcpportal.portal.schedule;

/** Whether an environment should be running (NAT up, service scaled to 1) or stopped. */
public enum PowerState {
    ON, OFF;

    public PowerState opposite() {
        return this == ON ? OFF : ON;
    }

    /** Lower-case word for reasons and labels ("on", "off"). */
    public String word() {
        return this == ON ? "on" : "off";
    }
}
