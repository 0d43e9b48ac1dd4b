package com.mcpportal.portal.team;

/**
 * What {@link TeamAccess} established about the signed-in user and one team.
 *
 * @param teamId   the team
 * @param teamName its name
 * @param role     the role the user acts with: their membership role, or OWNER for a platform admin
 * @param archived whether the team is archived (read-only)
 */
public record TeamGrant(long teamId, String teamName, TeamRole role, boolean archived) {

    public boolean canManage() {
        return role.includes(TeamRole.OWNER);
    }

    public boolean canOperate() {
        return role.includes(TeamRole.OPERATOR);
    }
}
