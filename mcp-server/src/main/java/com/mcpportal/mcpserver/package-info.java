/**
 * The MCP server for ElevenLabs that the portal runs per environment: configuration from the environment
 * ({@code Env}), start-up and warm-up, and the application that wires HTTP, keys and tools together. No Spring: a
 * small jar that starts fast in a Fargate task.
 */
@NullMarked
package com.mcpportal.mcpserver;

import org.jspecify.annotations.NullMarked;
