/**
 * The embedded Tomcat that serves MCP over HTTP: filters for request logging, access checks and JSON-RPC body checks
 * in front of the SDK's servlets, JSON for every error, the status endpoint, EMF metrics and a graceful stop.
 */
@NullMarked
package com.mcpportal.mcpserver.http;

import org.jspecify.annotations.NullMarked;
