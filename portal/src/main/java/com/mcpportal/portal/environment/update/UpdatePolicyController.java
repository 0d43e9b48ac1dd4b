package com.mcpportal.portal.environment.update;

import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Server updates" form on the team's page (owners only): off-hours updates, and where deployed images may come
 * from.
 */
@Controller
class UpdatePolicyController {

    private final TeamAccess access;
    private final UpdatePolicies policies;

    UpdatePolicyController(TeamAccess access, UpdatePolicies policies) {
        this.access = access;
        this.policies = policies;
    }

    /** Unticked checkboxes are not sent: absent means off. */
    @PostMapping("/teams/{teamId}/server-updates")
    String set(@PathVariable long teamId,
            @RequestParam(name = "autoUpdateOffHours", defaultValue = "false") boolean autoUpdateOffHours,
            @RequestParam(name = "allowAnyImageSource", defaultValue = "false") boolean allowAnyImageSource,
            RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        if (team.archived()) {
            Flash.error(redirect, "This team is archived and read-only; restore it to change its server updates.");
        } else {
            policies.set(teamId, autoUpdateOffHours, allowAnyImageSource, CurrentUser.get().getUsername());
            Flash.success(redirect, "Saved the server update settings.");
        }
        return "redirect:/teams/" + teamId + "/settings";
    }
}
