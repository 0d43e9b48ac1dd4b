package com.mcpportal.portal.notification;

/** Where a channel delivers: by e-mail, or by an HTTP POST in the receiver's own format. */
public enum ChannelKind {

    EMAIL("E-mail"),
    SLACK("Slack incoming webhook"),
    TEAMS("Microsoft Teams workflow webhook"),
    WEBHOOK("Generic webhook (signed JSON)");

    private final String label;

    ChannelKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean webhook() {
        return this != EMAIL;
    }
}
