package com.mcpportal.portal.network;

import java.util.List;

/** What a network is created with (a team's own, or an administrator's shared with {@code sharedWith}). */
public record NetworkInput(String name, Long cloudAccountId, String region, String vpcCidr, int azCount,
                           boolean natPerAz, List<Long> sharedWith) {

    public NetworkInput {
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
    }
}
