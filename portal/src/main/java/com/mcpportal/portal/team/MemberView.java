package com.mcpportal.portal.team;

import org.jspecify.annotations.Nullable;

/**
 * A member as the team page lists them.
 *
 * @param sourceProvider the identity provider whose group granted the membership; null for a manual grant
 * @param sourceGroup    that group
 */
public record MemberView(long userId, String username, TeamRole role, boolean enabled, @Nullable String sourceProvider,
                         @Nullable String sourceGroup) {

    /** A manual grant. */
    public MemberView(long userId, String username, TeamRole role, boolean enabled) {
        this(userId, username, role, enabled, null, null);
    }

    static MemberView of(TeamMember member) {
        return new MemberView(member.getUser().getId(), member.getUser().getUsername(), member.getRole(),
                member.getUser().isEnabled(), member.getSourceProvider(), member.getSourceGroup());
    }

    /** Whether a group grants it: it changes at the member's sign-ins, not on the members page. */
    public boolean fromGroup() {
        return sourceGroup != null;
    }
}
