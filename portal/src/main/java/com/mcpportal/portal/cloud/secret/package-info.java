/**
 * Encryption of secrets at rest (AES-GCM) with the portal's secret key ({@code portal.secret-key}, or one generated
 * into {@code portal.secret-key-file}, default {@code data/secret-key}, with the embedded database). Features use
 * {@link com.mcpportal.portal.cloud.secret.SecretCipher}.
 */
@NullMarked
package com.mcpportal.portal.cloud.secret;

import org.jspecify.annotations.NullMarked;
