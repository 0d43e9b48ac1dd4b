/**
 * Cloud accounts (AWS with an optional role to assume, or simulated): the administrators' pages and API, and
 * {@link com.mcpportal.portal.cloud.account.CloudProviders}, which picks an account's adapters. How many environments
 * use an account is asked of {@link com.mcpportal.portal.cloud.account.CloudAccountUsage}, which the environment
 * feature implements.
 */
package com.mcpportal.portal.cloud.account;
