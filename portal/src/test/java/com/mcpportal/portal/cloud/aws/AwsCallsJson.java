package com.mcpportal.portal.cloud.aws;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON helpers for tests that read request bodies. */
final class AwsCallsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AwsCallsJson() {
    }

    static JsonNode parse(String text) {
        return JSON.readTree(text);
    }

    static String quote(String text) {
        return JSON.writeValueAsString(text);
    }
}
