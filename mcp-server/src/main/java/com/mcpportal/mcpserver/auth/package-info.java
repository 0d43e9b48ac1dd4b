/**
 * Who may call the server: the key set the portal publishes (SSM SecureString or a file), the registry of accepted key
 * hashes, the authenticator, the client's address behind trusted proxies and the throttle after failed attempts.
 */
@NullMarked
package com.mcpportal.mcpserver.auth;

import org.jspecify.annotations.NullMarked;
