/**
 * The API key pages and API: controllers, forms, JSON bodies, the key list cursor, status views for templates and the
 * banner that shows a rotated key once. Internal to the API key feature: they call
 * {@link com.mcpportal.portal.apikey.ApiKeyService} and {@link com.mcpportal.portal.apikey.KeyRotation}.
 */
package com.mcpportal.portal.apikey.web;
