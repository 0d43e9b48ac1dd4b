/**
 * Shared networks (issue 19): one VPC and NAT instance for several environments. {@link
 * com.mcpportal.portal.network.UnionSchedule} works out when the shared NAT runs (the union of its members' desired
 * hours, widened by {@link com.mcpportal.portal.network.NatTiming}), {@link com.mcpportal.portal.network.NatShares}
 * the fair split of those hours, and {@link com.mcpportal.portal.network.NetworkCostSplit} each member's part of the
 * network's bill with the cost feature's own estimator.
 */
package com.mcpportal.portal.network;
