/**
 * The REST API's shared parts ({@code /api/v1}): problem details for errors ({@link com.mcpportal.portal.api.ApiProblemAdvice},
 * {@link com.mcpportal.portal.api.ApiRouteAdvice} for unrouted {@code /api} requests, {@link com.mcpportal.portal.api.ApiProblems}
 * for filters), paging ({@link com.mcpportal.portal.api.ApiPage}), {@code Idempotency-Key}
 * ({@link com.mcpportal.portal.api.Idempotency}) and the OpenAPI description. Each feature keeps its own
 * {@code *ApiController} in its package; this package must not depend on feature packages. Token authentication
 * lives in {@code accesstoken}.
 */
package com.mcpportal.portal.api;
