package com.mcpportal.portal.team;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mcpportal.portal.api.ApiPage;
import com.mcpportal.portal.api.IdCursor;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.security.PortalUserPrincipal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The teams the token's user sees, with the role they act with in each, so a script can find the team (and whether
 * it may run environments or issue keys there) before it uses the team's endpoints. Same list as the Teams page.
 */
@RestController
@Tag(name = "Teams")
class TeamApiController {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    private static final String CURSOR = "team";

    private final TeamService teams;

    TeamApiController(TeamService teams) {
        this.teams = teams;
    }

    /**
     * A team in the list.
     *
     * @param role     the role the caller acts with: their membership's, or OWNER for a platform administrator (as
     *                 {@link TeamAccess} grants it)
     * @param member   whether the caller is a member (a platform administrator sees every team)
     * @param archived an archived team is read-only
     */
    record TeamJson(long id, String name, TeamRole role, boolean member, boolean archived) {

        static TeamJson of(TeamSummary team, PortalUserPrincipal user) {
            return new TeamJson(team.id(), team.name(), user.admin() ? TeamRole.OWNER : team.role(),
                    team.role() != null, team.archived());
        }
    }

    @GetMapping("/api/v1/teams")
    @Operation(summary = "List the teams you see (by id, keyset-paged), with your role in each")
    ApiPage<TeamJson> list(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        IdCursor.requireLimit(limit, MAX_LIMIT);
        PortalUserPrincipal user = CurrentUser.get();
        List<TeamSummary> page = teams.visibleTo(user, IdCursor.after(CURSOR, cursor), limit + 1);
        List<TeamJson> items = page.stream().limit(limit).map(team -> TeamJson.of(team, user)).toList();
        String next = page.size() > limit ? IdCursor.next(CURSOR, items.get(items.size() - 1).id()) : null;
        return new ApiPage<>(items, next);
    }
}
