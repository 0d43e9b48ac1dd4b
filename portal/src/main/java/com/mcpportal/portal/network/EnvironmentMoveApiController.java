package com.mcpportal.portal.network;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mcpportal.portal.api.Idempotency;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationRequest;
import com.mcpportal.portal.environment.operation.OperationView;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.BusyException;
import com.mcpportal.portal.web.ConflictException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An environment's network move over REST, as on its page: owners only, 202 with the queued operation, a busy
 * environment a 409 {@code busy}, one that cannot move (not ready) a 409, a network it cannot move to a 400 on
 * {@code networkId}.
 */
@RestController
@Tag(name = "Environments")
class EnvironmentMoveApiController {

    private final TeamAccess access;
    private final NetworkMoves moves;
    private final EnvironmentOperations operations;
    private final Idempotency idempotency;

    EnvironmentMoveApiController(TeamAccess access, NetworkMoves moves, EnvironmentOperations operations,
            Idempotency idempotency) {
        this.access = access;
        this.moves = moves;
        this.operations = operations;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/teams/{teamId}/environments/{environmentId}/move-network")
    @Operation(summary = "Move a ready environment into a shared network its team may use in its account and region,"
            + " or (networkId null) out of its shared network into a network of its own; its service is interrupted"
            + " for one new deployment, " + NetworkMoves.INTERRUPTION + ", its endpoint stays (202)")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, required = false,
            description = "Resend safely: the same key and body replay the first answer for 24 h")
    ResponseEntity<?> move(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestBody MoveRequest body, HttpServletRequest request) {
        if (access.require(teamId, TeamRole.OWNER).archived()) {
            throw new ConflictException("This team is archived. Restore it to make changes.");
        }
        return idempotency.execute(request, CurrentUser.get().id(), body, () -> {
            OperationRequest answer = moves.requestMove(teamId, environmentId, body.networkId(),
                    Actor.user(CurrentUser.get().getUsername()));
            if (answer instanceof OperationRequest.Busy busy) {
                throw new BusyException(answer.message(), busy.operationId());
            }
            if (!(answer instanceof OperationRequest.Enqueued enqueued)) {
                throw new ConflictException(answer.message());
            }
            OperationView operation = operations.find(environmentId, enqueued.operationId()).orElseThrow();
            return ResponseEntity.accepted().location(URI.create("/api/v1/teams/" + teamId + "/environments/"
                    + environmentId + "/operations/" + operation.id())).body(operation);
        });
    }

    /** Where to: a shared network's id, or null for a network of its own. */
    record MoveRequest(@Schema(description = "The shared network to move into; null: out of its shared network, into"
            + " a network of its own", example = "12", nullable = true) Long networkId) {
    }
}
