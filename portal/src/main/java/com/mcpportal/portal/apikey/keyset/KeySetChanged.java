package com.mcpportal.portal.apikey.keyset;

/** A team's accepted keys changed; published inside the transaction, acted on after it committed. */
public record KeySetChanged(long teamId) {
}
