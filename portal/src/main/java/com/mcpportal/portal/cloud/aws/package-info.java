/**
 * The AWS adapter of the cloud ports (AWS SDK v2): provisioning steps, request metrics and prices, on clients built per
 * account and region ({@code portal.aws.*}, see {@code cloud/package-info.java}). The only package that uses the AWS
 * SDK; only {@code cloud.account.CloudProviders} picks it.
 */
package com.mcpportal.portal.cloud.aws;
