package com.mcpportal.portal.cloud;

/** A registered task definition revision. */
public record TaskDefinitionRef(String arn, String family, int revision) {
}
