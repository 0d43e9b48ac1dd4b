/**
 * Shared networks (issue 19): one VPC and NAT instance for several environments. {@link
 * com.mcpportal.portal.network.UnionSchedule} works out when the shared NAT runs (the union of its members' desired
 * hours, widened by {@link com.mcpportal.portal.network.NatTiming}), {@link com.mcpportal.portal.network.NatShares}
 * the fair split of those hours, and {@link com.mcpportal.portal.network.NetworkCostSplit} each member's part of the
 * network's bill with the cost feature's own estimator. {@link com.mcpportal.portal.network.Networks} keeps networks (a
 * team's own, or an administrator's shared with chosen teams) and which environments are in them (tables
 * {@code network}, {@code network_team}, {@code network_environment}); an environment with no row there has its own
 * network. The pages are {@code /teams/{teamId}/networks} and {@code /admin/networks}. {@link
 * com.mcpportal.portal.network.NetworkPlacements} tells environments' operations and pages (through the environment
 * feature's {@code EnvironmentNetworks}) which network an environment is in and its private subnet range ({@link
 * com.mcpportal.portal.network.SubnetRanges}: /24s, given once), and holds the network's lock while a provision makes
 * or finds the network's own cloud resources, or while a member's Start or Stop starts or stops the network's NAT (the
 * operations decide who still needs it, from each member's service, and stop it the union schedule's lag after the
 * last stop); deleting a network deletes those first. A network of two zones gives each environment a second
 * private range (the second zone's, on its first provision); one asked for a NAT instance per zone runs two and is
 * priced for both ({@link com.mcpportal.portal.network.Network#natInstances}). {@link
 * com.mcpportal.portal.network.NetworkMoves} asks for a provisioned environment's move in or out (the environment
 * feature's {@code MOVE_NETWORK} operation), recording which way it goes until its last step makes it a member, or not.
 */
package com.mcpportal.portal.network;
