/**
 * Personal access tokens for the REST API: issued by each user on "Access tokens" ({@code /account/tokens}), stored as
 * SHA-256 in the MCP key format with the prefix {@code mcpp}, and the stateless {@code /api/**} security chain that
 * signs requests in from {@code Authorization: Bearer}. Kept out of {@code api} because it uses
 * {@code apikey.ApiKeyFormat} while {@code apikey}'s REST controller uses {@code api}.
 */
@NullMarked
package com.mcpportal.portal.accesstoken;

import org.jspecify.annotations.NullMarked;
