/**
 * Publishing a team's key set to its MCP servers: the document of key hashes, its publication record, the publisher
 * that writes it through the environment's cloud adapter (and a file for simulated environments) after a key change,
 * and the periodic sync that retries failures. Internal to the API key feature.
 */
@NullMarked
package com.mcpportal.portal.apikey.keyset;

import org.jspecify.annotations.NullMarked;
