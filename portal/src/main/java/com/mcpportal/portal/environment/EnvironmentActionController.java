package com.mcpportal.portal.environment;

import java.util.function.LongFunction;

import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buttons of an environment's page: provision, start, stop, update the server, roll back, patch the NAT, retry,
 * deprovision, delete a draft, and test the connection to its endpoint.
 */
@Controller
@RequestMapping("/teams/{teamId}/environments/{environmentId}")
class EnvironmentActionController {

    private final TeamAccess access;
    private final EnvironmentService environments;
    private final EnvironmentOperations operations;
    private final EndpointHealth health;

    EnvironmentActionController(TeamAccess access, EnvironmentService environments,
            EnvironmentOperations operations, EndpointHealth health) {
        this.access = access;
        this.environments = environments;
        this.operations = operations;
        this.health = health;
    }

    /** A read, so viewers may too; a POST all the same, as it makes the portal call out. */
    @PostMapping("/test-connection")
    String testConnection(@PathVariable long teamId, @PathVariable long environmentId, RedirectAttributes redirect) {
        access.require(teamId, TeamRole.VIEWER);
        EndpointHealth.Answer answer = health.check(teamId, environmentId);
        if (answer.healthy()) {
            Flash.success(redirect, answer.message());
        } else {
            Flash.error(redirect, answer.message());
        }
        return page(teamId, environmentId);
    }

    @PostMapping("/provision")
    String provision(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestParam(name = "from", defaultValue = "") String from, RedirectAttributes redirect) {
        return act(teamId, environmentId, from, redirect, id -> operations.requestProvision(id, actor()));
    }

    @PostMapping("/start")
    String start(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestParam(name = "from", defaultValue = "") String from, RedirectAttributes redirect) {
        return act(teamId, environmentId, from, redirect, id -> operations.requestStart(id, actor()));
    }

    @PostMapping("/stop")
    String stop(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestParam(name = "from", defaultValue = "") String from, RedirectAttributes redirect) {
        return act(teamId, environmentId, from, redirect, id -> operations.requestStop(id, actor()));
    }

    @PostMapping("/update-server")
    String updateServer(@PathVariable long teamId, @PathVariable long environmentId, RedirectAttributes redirect) {
        return act(teamId, environmentId, "", redirect, id -> operations.requestServerUpdate(id, actor()));
    }

    @PostMapping("/roll-back")
    String rollBack(@PathVariable long teamId, @PathVariable long environmentId, RedirectAttributes redirect) {
        return act(teamId, environmentId, "", redirect, id -> operations.requestRollback(id, actor()));
    }

    /** Replaces the NAT instance from the latest Amazon Linux AMI now (the portal does it by itself while off). */
    @PostMapping("/patch-nat")
    String patchNat(@PathVariable long teamId, @PathVariable long environmentId, RedirectAttributes redirect) {
        return act(teamId, environmentId, "", redirect, id -> operations.requestNatPatch(id, actor()));
    }

    @PostMapping("/retry")
    String retry(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestParam(name = "from", defaultValue = "") String from, RedirectAttributes redirect) {
        return act(teamId, environmentId, from, redirect, id -> operations.retry(id, actor()));
    }

    /** Needs the environment's name typed exactly: deprovisioning deletes everything. A draft is just deleted. */
    @PostMapping("/deprovision")
    String deprovision(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestParam(name = "confirmName", defaultValue = "") String confirmName, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        Environment environment = environments.get(teamId, environmentId);
        String page = page(teamId, environmentId);
        if (!environment.getName().equals(confirmName.trim())) {
            Flash.error(redirect, "Type the environment's name exactly (" + environment.getName()
                    + ") to confirm; nothing was deleted.");
            return page;
        }
        if (refusedForArchive(team, redirect)) {
            return page;
        }
        if (environment.getState() == EnvironmentState.DRAFT) {
            try {
                environments.deleteDraft(teamId, environmentId);
                Flash.success(redirect, "Deleted the draft " + environment.getName() + ".");
                return "redirect:/teams/" + teamId + "/environments";
            } catch (InvalidInputException rejected) {
                Flash.error(redirect, rejected.getMessage());
                return page;
            }
        }
        return flash(operations.requestDeprovision(environmentId, actor()), redirect, page);
    }

    /**
     * Requests the operation and goes back where it was asked: the environment's page, or the team dashboard when its
     * card's button sent {@code from=dashboard} (a fixed name, never a URL, so no redirect elsewhere can be asked).
     */
    private String act(long teamId, long environmentId, String from, RedirectAttributes redirect,
            LongFunction<OperationRequest> request) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        environments.get(teamId, environmentId); // another team's environment is a 404, before anything happens
        String page = "dashboard".equals(from) ? "redirect:/teams/" + teamId : page(teamId, environmentId);
        if (refusedForArchive(team, redirect)) {
            return page;
        }
        return flash(request.apply(environmentId), redirect, page);
    }

    private static String flash(OperationRequest answer, RedirectAttributes redirect, String page) {
        if (answer instanceof OperationRequest.Enqueued enqueued) {
            Flash.started(redirect, answer.message(), enqueued.operationId());
        } else {
            Flash.error(redirect, answer.message());
        }
        return page;
    }

    private static boolean refusedForArchive(TeamGrant team, RedirectAttributes redirect) {
        if (team.archived()) {
            Flash.error(redirect, "This team is archived. Restore it to make changes.");
        }
        return team.archived();
    }

    private static Actor actor() {
        return Actor.user(CurrentUser.get().getUsername());
    }

    private static String page(long teamId, long environmentId) {
        return "redirect:/teams/" + teamId + "/environments/" + environmentId;
    }
}
