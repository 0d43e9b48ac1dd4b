package com.mcpportal.portal.user;

import java.util.List;

/**
 * Published in the sign-in's transaction each time an enabled account signs in with a provider: the groups the
 * provider asserted this time, for the features that grant roles by group (team memberships) to bring them in line.
 * An empty list is an answer too: the person is in no group, so group grants from this provider end.
 *
 * @param userId   the account
 * @param provider the configured provider's id
 * @param groups   the groups claim's values at this sign-in
 */
public record ExternalGroupsAsserted(long userId, String provider, List<String> groups) {

    public ExternalGroupsAsserted {
        groups = List.copyOf(groups);
    }
}
