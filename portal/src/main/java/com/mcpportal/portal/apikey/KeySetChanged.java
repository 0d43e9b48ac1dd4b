package com.mcpportal.portal.apikey;

/** A team's accepted keys changed; published inside the transaction, acted on after it committed. */
record KeySetChanged(long teamId) {
}
