/**
 * The simulated cloud: the cloud ports answered from the portal's own database with realistic delays (and no prices)
 * ({@code portal.simulated.*}, see {@code SimulatedSettings}), so the portal works end to end without AWS.
 */
package com.mcpportal.portal.cloud.simulated;
