package com.mcpportal.portal.cloud;

/** What one mirrored schedule does when it fires: start or stop the NAT instance, or scale the service to 1 or 0. */
public enum MirrorAction {
    START_NAT, STOP_NAT, START_SERVICE, STOP_SERVICE;

    public boolean nat() {
        return this == START_NAT || this == STOP_NAT;
    }

    /** Whether it turns its resource on (start the NAT, desired count 1) rather than off. */
    public boolean turnsOn() {
        return this == START_NAT || this == START_SERVICE;
    }
}
