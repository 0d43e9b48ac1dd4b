package com.mcpportal.portal.cloud.simulated;

import java.util.Map;

/** One simulated resource as stored: its component, AWS-looking id and ARN, state, and details. */
record SimulatedResource(String component, String resourceId, String arn, String state, Map<String, Object> attributes) {

    String text(String key) {
        Object value = attributes.get(key);
        return value == null ? null : value.toString();
    }

    int number(String key) {
        Object value = attributes.get(key);
        return value instanceof Number n ? n.intValue() : value == null ? 0 : Integer.parseInt(value.toString());
    }
}
