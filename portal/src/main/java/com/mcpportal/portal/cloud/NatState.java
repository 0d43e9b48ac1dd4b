package com.mcpportal.portal.cloud;

import java.util.Locale;

/** The power state of a NAT instance as EC2 reports it; {@code NONE} when there is no instance. */
public enum NatState {
    NONE, PENDING, RUNNING, STOPPING, STOPPED, SHUTTING_DOWN, TERMINATED;

    /** Parses EC2's state name, e.g. {@code shutting-down}. */
    public static NatState fromEc2(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
