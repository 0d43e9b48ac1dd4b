package com.mcpportal.portal.notification;

import java.util.List;

/** The kinds of event a channel may get, with whether a new channel gets them. */
public enum NoticeKind {

    OPERATION_FAILED("An environment operation failed (provision, start, stop, update …)", true),
    BUDGET_CROSSED("The team's estimate crossed its monthly budget (or fell back within it)", true),
    SCHEDULE_FAILED("A scheduled start or stop failed (the schedule could not start or stop an environment)", true),
    OPERATION_RETRIED("A failed operation succeeded when retried", true),
    ERROR_RATE("An environment's MCP error rate was flagged as high (or cleared)", true),
    DRIFT_FOUND("An environment differs from what the portal expects (drift found, or resolved)", true),
    KEY_SET_FAILING("Publishing the API keys to an environment's MCP server failed (or works again)", true),
    KEY_EXPIRING("An API key expires soon", false),
    KEY_EXPIRED("An API key expired", false),
    KEY_ROTATED("A rotated API key waits to be revealed (the rotation policy rolled a key)", false),
    /** "Send test message": not a rule, always sent to the channel it was asked for. */
    TEST("A test message", false);

    private final String label;
    private final boolean byDefault;

    NoticeKind(String label, boolean byDefault) {
        this.label = label;
        this.byDefault = byDefault;
    }

    public String label() {
        return label;
    }

    /** The kinds an owner chooses among. */
    static List<NoticeKind> choosable() {
        return List.of(OPERATION_FAILED, SCHEDULE_FAILED, OPERATION_RETRIED, ERROR_RATE, DRIFT_FOUND, KEY_SET_FAILING,
                BUDGET_CROSSED, KEY_EXPIRING, KEY_EXPIRED, KEY_ROTATED);
    }

    /** A new channel's rules: every failure (and its all-clear) and the budget. */
    static List<NoticeKind> defaults() {
        return choosable().stream().filter(kind -> kind.byDefault).toList();
    }
}
