package com.mcpportal.portal.network;

import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.OperationRequest;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Move to network …" on an environment's page (owners; administrators act as owners): into a shared network the team
 * may use, or out of one into its own network again. Back on the page, the move runs with its steps shown, or the
 * reason it was refused stands beside the field.
 */
@Controller
class EnvironmentMoveController {

    /** The flash attribute the environment's page shows beside its network field. */
    static final String ERROR = "moveNetworkError";

    private final TeamAccess access;
    private final NetworkMoves moves;

    EnvironmentMoveController(TeamAccess access, NetworkMoves moves) {
        this.access = access;
        this.moves = moves;
    }

    /** {@code networkId} empty: out of its shared network, into its own. */
    @PostMapping("/teams/{teamId}/environments/{environmentId}/move-network")
    String move(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestParam(name = "networkId", defaultValue = "") String networkId, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        String page = "redirect:/teams/" + teamId + "/environments/" + environmentId;
        if (team.archived()) {
            redirect.addFlashAttribute(ERROR, "This team is archived. Restore it to make changes.");
            return page;
        }
        try {
            Long target = networkId.isBlank() ? null : Long.valueOf(networkId.trim());
            OperationRequest answer = moves.requestMove(teamId, environmentId, target,
                    Actor.user(CurrentUser.get().getUsername()));
            if (answer instanceof OperationRequest.Enqueued enqueued) {
                Flash.started(redirect, "Moving the environment: its service is interrupted for "
                        + NetworkMoves.INTERRUPTION + " while it moves; follow the steps below.",
                        enqueued.operationId());
            } else {
                redirect.addFlashAttribute(ERROR, answer.message());
            }
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute(ERROR, "Choose a network from the list.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(ERROR, e.getMessage());
        }
        return page;
    }
}
