package com.mcpportal.portal.team;

/** A member as the team page lists them. */
public record MemberView(long userId, String username, TeamRole role, boolean enabled) {

    static MemberView of(TeamMember member) {
        return new MemberView(member.getUser().getId(), member.getUser().getUsername(), member.getRole(),
                member.getUser().isEnabled());
    }
}
