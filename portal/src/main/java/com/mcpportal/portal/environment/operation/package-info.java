/**
 * Operations on environments (provision, start, stop, update or roll back the server, patch the NAT, move between
 * networks, deprovision) as clustered Quartz jobs whose steps call the cloud port, each step recorded and resumable.
 * Others request them through {@link com.mcpportal.portal.environment.operation.EnvironmentOperations} and hear of
 * their end through {@link com.mcpportal.portal.environment.operation.OperationFinished}.
 */
package com.mcpportal.portal.environment.operation;
