/**
 * The MCP SDK wired up: the servers and servlets per transport (Streamable HTTP, HTTP+SSE, stdio), tool adapters,
 * the cached tool list and lazy schema validation.
 */
@NullMarked
package com.mcpportal.mcpserver.mcp;

import org.jspecify.annotations.NullMarked;
