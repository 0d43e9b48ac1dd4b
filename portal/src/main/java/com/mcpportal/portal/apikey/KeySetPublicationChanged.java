package com.mcpportal.portal.apikey;

import org.jspecify.annotations.Nullable;

/**
 * Published when publishing an environment's API key set to its MCP server starts failing (the first failure of a
 * streak) or works again, inside the transaction that records it (notifications listen before it commits).
 *
 * @param error why it failed; null once it works again
 */
public record KeySetPublicationChanged(long environmentId, long teamId, String environmentName, boolean failing,
                                       @Nullable String error) {
}
