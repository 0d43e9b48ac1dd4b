package com.mcpportal.portal.audit;

/**
 * A link from an audit event to the thing it acted on.
 *
 * @param label what to show, e.g. the team's current name
 * @param href  the portal path of its page, e.g. {@code /teams/3}
 */
public record AuditTargetLink(String label, String href) {
}
