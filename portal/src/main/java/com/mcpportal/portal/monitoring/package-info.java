/**
 * Operating the portal: health probes, Prometheus metrics and log format.
 *
 * <ul>
 * <li>Health: {@code /actuator/health/liveness} (the process is alive) and {@code /actuator/health/readiness}
 *     (database reachable, Quartz started, not in standby and recently checked in to its cluster:
 *     {@code QuartzHealthIndicator}); both public, without details.</li>
 * <li>Metrics: {@code /actuator/prometheus}, only with {@code Authorization: Bearer <portal.metrics.token>}
 *     ({@code MetricsSecurityConfiguration}). Features record through {@link com.mcpportal.portal.monitoring.PortalMetrics}:
 *     {@code operationFinished(kind, outcome, duration)}, {@code keySetPublished(environmentId)},
 *     {@code keySetPublishFailed(environmentId)} and, once at start, {@code gaugeEnvironmentsByState(State.class,
 *     () -> repository.countByState())}. Quartz job lag is measured for every job by a global trigger listener,
 *     AWS calls by an SDK interceptor in {@code cloud.aws}; neither needs anything from a feature.</li>
 * <li>Logs: {@code PORTAL_LOG_FORMAT=json} for one JSON object per line ({@code LogFormatEnvironmentPostProcessor}).</li>
 * </ul>
 */
@NullMarked
package com.mcpportal.portal.monitoring;

import org.jspecify.annotations.NullMarked;
