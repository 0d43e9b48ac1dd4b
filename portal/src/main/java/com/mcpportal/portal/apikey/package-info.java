/**
 * API keys: what MCP clients send to a team's MCP servers.
 *
 * <h2>Service API (for the pages and the REST API)</h2>
 * Check access first ({@code teamAccess.require(teamId, TeamRole.OWNER)} to change keys or the policy,
 * {@code VIEWER} to read), then:
 * <ul>
 * <li>{@link com.mcpportal.portal.apikey.ApiKeyService#issue(long, IssueKeyCommand)} -&gt;
 *     {@link com.mcpportal.portal.apikey.IssuedKey} (metadata + {@link com.mcpportal.portal.apikey.PlaintextKey};
 *     call {@code reveal()} exactly where the key is shown once, e.g. the 201 response body; never log it);
 *     {@code InvalidInputException(field, message)} for bad input ({@code name}, {@code lifetime},
 *     {@code environmentIds}, or null for the team's key limit), {@link com.mcpportal.portal.apikey.AlreadyIssuedException}
 *     when the command's request token (an idempotency key) was used before.</li>
 * <li>{@code list(teamId)} -&gt; {@link com.mcpportal.portal.apikey.ApiKeyView}s (never the key), {@code get(teamId, keyId)}
 *     ({@link com.mcpportal.portal.apikey.ApiKeyNotFoundException}, a 404, also for another team's key).</li>
 * <li>{@code revoke(teamId, keyId)} -&gt; the revoked view (allowed on archived teams); {@code roll(teamId, keyId,
 *     Duration grace)} -&gt; the new {@code IssuedKey}; the pages offer {@link com.mcpportal.portal.apikey.GracePeriod}.</li>
 * <li>{@code revealRotated(teamId, keyId)}: the key the rotation job made, once.</li>
 * <li>{@link com.mcpportal.portal.apikey.KeyRotation}: {@code policy(teamId)}, {@code setPolicy(teamId, everyDays,
 *     grace)}, {@code removePolicy(teamId)}.</li>
 * </ul>
 * Every change is audited ({@code apikey.issued}, {@code apikey.revoked}, {@code apikey.rolled},
 * {@code apikey.expired}, {@code apikey.rotated-key.viewed}, {@code apikey.rotation-policy.set|removed},
 * {@code apikey.keyset.publish-failed}) with the key's public id, and republished after commit.
 *
 * <h2>Key format</h2>
 * {@link com.mcpportal.portal.apikey.ApiKeyFormat}: {@code mcp_<public id>_<secret><checksum>}; {@code looksLikeKey},
 * {@code publicIdOf} and {@code redact} for scanners and log scrubbing. Personal access tokens for the portal's own
 * API can reuse it with their own prefix ({@code new ApiKeyFormat("mcpp")}): same entropy, checksum and storage
 * (SHA-256 only; there a pepper is possible, since only the portal verifies them), never mistaken for an MCP key.
 *
 * <h2>Distribution</h2>
 * {@code KeySetPublisher} writes each environment's {@code KeySetDocument} (the mcp-server's key-set format) through
 * {@code EnvironmentService.cloudOf(id)} to the {@code key-set} secret, and for simulated environments to
 * {@code <portal.keys.simulated-dir>/<cloud id>.json}; {@code KeySetSync} triggers it after key changes and
 * operations, and every {@code portal.keys.sync-interval} for changed, expired or failed sets. Both live in
 * {@code apikey.keyset}; the pages and the REST API in {@code apikey.web}. Other features use only this package
 * (ArchitectureTests).
 */
@NullMarked
package com.mcpportal.portal.apikey;

import org.jspecify.annotations.NullMarked;
