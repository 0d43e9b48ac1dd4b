package com.mcpportal.portal.audit.chain;

import java.time.Instant;

/**
 * The last event an earlier verification found intact. It must still be there with the same hash; otherwise
 * events at the end of the log were deleted or the chain was recomputed after that run.
 */
public record ChainAnchor(long eventId, String hash, Instant verifiedAt) {
}
