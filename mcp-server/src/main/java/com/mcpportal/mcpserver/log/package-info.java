/**
 * Structured logs: one JSON object per line (stdout, or stderr in stdio mode), with SLF4J and java.util.logging
 * bridged into it, so CloudWatch reads each line as one event.
 */
@NullMarked
package com.mcpportal.mcpserver.log;

import org.jspecify.annotations.NullMarked;
