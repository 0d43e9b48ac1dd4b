/**
 * Teams (tenants) and their members with roles. Others use {@link com.mcpportal.portal.team.TeamAccess} to check a
 * user's role in a team and {@link com.mcpportal.portal.team.TeamService} for teams, memberships and names.
 */
@NullMarked
package com.mcpportal.portal.team;

import org.jspecify.annotations.NullMarked;
