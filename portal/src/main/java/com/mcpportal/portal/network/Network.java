package com.mcpportal.portal.network;

import java.time.Instant;
import java.util.List;

/**
 * A VPC with its public subnet(s) and NAT instance(s) that several environments run in, each with its own private
 * subnet and security group.
 *
 * @param teamId      the owning team, or null for a network an administrator shares with {@code sharedWith}
 * @param azCount     availability zones: 1 (the default) or 2 (cross-AZ redundancy)
 * @param natPerAz    one NAT instance per zone (availability over cost) instead of one shared by both
 * @param sharedWith  the teams that may put environments in an administrator's network (empty for a team's own)
 */
public record Network(long id, Long teamId, long cloudAccountId, String name, String region, String vpcCidr,
                      int azCount, boolean natPerAz, Instant createdAt, List<Long> sharedWith) {

    public Network {
        sharedWith = List.copyOf(sharedWith);
    }

    public boolean adminShared() {
        return teamId == null;
    }

    /** Whether environments of the team may use it: its owner, or a team an administrator shared it with. */
    public boolean usableBy(long team) {
        return teamId != null ? teamId == team : sharedWith.contains(team);
    }

    /** The NAT instances the network runs, and is priced for: one per zone when asked for, else one. */
    public int natInstances() {
        return natPerAz ? azCount : 1;
    }

    public String natLayout() {
        return natPerAz ? "one NAT instance per zone, each routing its zone's private subnets"
                : "one NAT instance shared by " + (azCount == 1 ? "the zone" : "both zones");
    }
}
