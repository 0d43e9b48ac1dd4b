package com.mcpportal.portal.environment.update;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.ConflictException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A team's server update policy over REST: members read it, owners set it (audited). */
@RestController
@RequestMapping("/api/v1/teams/{teamId}/server-updates")
@Tag(name = "Environments")
class UpdatePolicyApiController {

    private final TeamAccess access;
    private final UpdatePolicies policies;

    UpdatePolicyApiController(TeamAccess access, UpdatePolicies policies) {
        this.access = access;
        this.policies = policies;
    }

    /** The policy as set; a field left out of a PUT is off. */
    record PolicyJson(
            @Schema(description = "Update the MCP server the portal publishes by itself while an environment is off"
                    + " and idle (audited as actor system)") Boolean autoUpdateOffHours,
            @Schema(description = "POST …/environments/{id}/deploy takes images from outside the environment's own"
                    + " ECR repository") Boolean allowAnyImageSource) {

        static PolicyJson of(UpdatePolicy policy) {
            return new PolicyJson(policy.autoUpdateOffHours(), policy.allowAnyImageSource());
        }
    }

    @GetMapping
    @Operation(summary = "The team's server update policy: off-hours updates, images from any source")
    PolicyJson get(@PathVariable long teamId) {
        access.require(teamId, TeamRole.VIEWER);
        return PolicyJson.of(policies.of(teamId));
    }

    @PutMapping
    @Operation(summary = "Set the team's server update policy (owners)")
    PolicyJson set(@PathVariable long teamId, @RequestBody(required = false) PolicyJson body) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        if (team.archived()) {
            throw new ConflictException("This team is archived and read-only; restore it to change its server"
                    + " updates.");
        }
        PolicyJson wanted = body == null ? new PolicyJson(false, false) : body;
        return PolicyJson.of(policies.set(teamId, Boolean.TRUE.equals(wanted.autoUpdateOffHours()),
                Boolean.TRUE.equals(wanted.allowAnyImageSource()), CurrentUser.get().getUsername()));
    }
}
