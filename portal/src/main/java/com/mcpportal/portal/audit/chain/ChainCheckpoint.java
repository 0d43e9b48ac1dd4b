package com.mcpportal.portal.audit.chain;

/**
 * Where the remaining chain starts after pruning: the last pruned event's id and hash. The first remaining
 * event must link to this hash, as it once linked to the pruned event itself.
 */
public record ChainCheckpoint(long throughId, String throughHash) {
}
