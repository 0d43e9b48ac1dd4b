/**
 * The ElevenLabs tools the server offers (speech, voices, sound, music, agents, conversations, telephony, account):
 * declarations, argument parsing, safe file input and download, and results that never throw at the client.
 */
@NullMarked
package com.mcpportal.mcpserver.tools;

import org.jspecify.annotations.NullMarked;
