/**
 * The ElevenLabs HTTP API client: requests (JSON and multipart), responses, error bodies turned into clear messages,
 * retries with backoff, and its settings.
 */
@NullMarked
package com.mcpportal.mcpserver.elevenlabs;

import org.jspecify.annotations.NullMarked;
