package com.mcpportal.portal.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** The action happened. */
    SUCCESS,
    /** The action was attempted and failed (bad password, invalid input, a cloud error). */
    FAILURE,
    /** The actor was not allowed to do it. */
    DENIED
}
