package com.mcpportal.portal.environment;

/** Whether a ready environment's NAT instance and service were last turned on or off by an operation. */
public enum EnvironmentPower {
    ON("On"),
    OFF("Off");

    private final String label;

    EnvironmentPower(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
