/**
 * Operations on environments (provision, start, stop, deprovision) as clustered Quartz jobs whose steps call the cloud
 * port, each step recorded and resumable. Others request them through
 * {@link com.mcpportal.portal.environment.operation.EnvironmentOperations} and hear of their end through
 * {@link com.mcpportal.portal.environment.operation.OperationFinished}.
 */
package com.mcpportal.portal.environment.operation;
