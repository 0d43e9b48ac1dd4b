/**
 * Shared networks (issue 19): one VPC and NAT instance for several environments. {@link
 * com.mcpportal.portal.network.UnionSchedule} works out when the shared NAT runs (the union of its members' desired
 * hours, widened by {@link com.mcpportal.portal.network.NatTiming}), {@link com.mcpportal.portal.network.NatShares}
 * the fair split of those hours, and {@link com.mcpportal.portal.network.NetworkCostSplit} each member's part of the
 * network's bill with the cost feature's own estimator. {@link com.mcpportal.portal.network.Networks} keeps networks (a
 * team's own, or an administrator's shared with chosen teams) and which environments are in them (tables
 * {@code network}, {@code network_team}, {@code network_environment}); an environment with no row there has its own
 * network. The pages are {@code /teams/{teamId}/networks} and {@code /admin/networks}. Not built yet: provisioning
 * into a shared network, the NAT driven by the union schedule, moving a provisioned environment in or out.
 */
package com.mcpportal.portal.network;
