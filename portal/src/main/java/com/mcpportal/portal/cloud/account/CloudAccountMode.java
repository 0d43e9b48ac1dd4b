package com.mcpportal.portal.cloud.account;

/** How a cloud account is reached: real AWS through the SDK, or the simulated adapter in the portal's database. */
public enum CloudAccountMode {
    AWS("AWS"),
    SIMULATED("Simulated");

    private final String label;

    CloudAccountMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
