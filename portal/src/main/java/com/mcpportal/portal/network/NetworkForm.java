package com.mcpportal.portal.network;

import java.util.List;

/** The create form, as typed: a missing zone count means one, an unticked box (sent as nothing) no NAT per zone. */
public record NetworkForm(String name, Long cloudAccountId, String region, String vpcCidr, Integer azCount,
                          Boolean natPerAz, List<Long> sharedWith) {

    static NetworkForm empty(Long cloudAccountId, String region) {
        return new NetworkForm("", cloudAccountId, region, "10.64.0.0/16", 1, false, List.of());
    }

    NetworkInput input() {
        return new NetworkInput(name == null ? null : name.trim(), cloudAccountId, region == null ? null : region.trim(),
                vpcCidr == null ? null : vpcCidr.trim(), azCount == null ? 1 : azCount, Boolean.TRUE.equals(natPerAz), sharedWith);
    }
}
