/**
 * The REST API's shared parts ({@code /api/v1}): problem details for errors ({@link com.mcpportal.portal.api.ApiProblemAdvice}),
 * paging ({@link com.mcpportal.portal.api.ApiPage}). Each feature keeps its own {@code *ApiController} in its package;
 * this package must not depend on feature packages.
 */
package com.mcpportal.portal.api;
