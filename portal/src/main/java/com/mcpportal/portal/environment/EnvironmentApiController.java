package com.mcpportal.portal.environment;

import java.net.URI;
import java.util.List;
import java.util.function.LongFunction;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mcpportal.portal.api.ApiPage;
import com.mcpportal.portal.api.IdCursor;
import com.mcpportal.portal.api.Idempotency;
import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationRequest;
import com.mcpportal.portal.environment.operation.OperationView;
import com.mcpportal.portal.environment.update.ImageDeploys;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.BusyException;
import com.mcpportal.portal.web.ConflictException;
import com.mcpportal.portal.web.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A team's environments over REST: the same services and role checks as the pages (viewers read, operators
 * change and run). Provision, start, stop, update the server, roll back, deploy a build, retry and deprovision answer
 * 202 with the queued operation and its URL; a refused environment is a 409, a busy one (another operation running) a
 * 409 {@code busy} to retry later.
 */
@RestController
@RequestMapping("/api/v1/teams/{teamId}/environments")
@Tag(name = "Environments")
class EnvironmentApiController {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    private static final String CURSOR = "env";
    private static final String ARCHIVED = "This team is archived. Restore it to make changes.";

    private final TeamAccess access;
    private final EnvironmentService environments;
    private final EnvironmentOperations operations;
    private final CloudAccounts accounts;
    private final Idempotency idempotency;
    private final ImageDeploys deploys;

    EnvironmentApiController(TeamAccess access, EnvironmentService environments, EnvironmentOperations operations,
            CloudAccounts accounts, Idempotency idempotency, ImageDeploys deploys) {
        this.access = access;
        this.environments = environments;
        this.operations = operations;
        this.accounts = accounts;
        this.idempotency = idempotency;
        this.deploys = deploys;
    }

    @GetMapping
    @Operation(summary = "List the team's environments (by id, keyset-paged)")
    ApiPage<EnvironmentApiView> list(@PathVariable long teamId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        access.require(teamId, TeamRole.VIEWER);
        IdCursor.requireLimit(limit, MAX_LIMIT);
        List<Environment> page = environments.pageForTeam(teamId, IdCursor.after(CURSOR, cursor), limit + 1);
        List<EnvironmentApiView> items = page.stream().limit(limit).map(EnvironmentApiView::of).toList();
        String next = page.size() > limit ? IdCursor.next(CURSOR, items.get(items.size() - 1).id()) : null;
        return new ApiPage<>(items, next);
    }

    @GetMapping("/{environmentId}")
    @Operation(summary = "Get an environment")
    EnvironmentApiView get(@PathVariable long teamId, @PathVariable long environmentId) {
        access.require(teamId, TeamRole.VIEWER);
        return EnvironmentApiView.of(environments.get(teamId, environmentId));
    }

    @PostMapping
    @Operation(summary = "Create an environment (a draft); missing settings take the page's defaults")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, required = false,
            description = "Resend safely: the same key and body replay the first answer for 24 h")
    ResponseEntity<?> create(@PathVariable long teamId, @RequestBody EnvironmentRequest body,
            HttpServletRequest request) {
        writable(access.require(teamId, TeamRole.OPERATOR));
        return idempotency.execute(request, CurrentUser.get().id(), body, () -> {
            CloudAccount account = EnvironmentPages.defaultAccount(accounts.all()).orElse(null);
            Environment created = environments.create(teamId, body.withDefaults(
                    account == null ? null : account.getId(), account == null ? null : account.getDefaultRegion()));
            return ResponseEntity.created(URI.create(base(teamId) + "/" + created.getId()))
                    .body(EnvironmentApiView.of(created));
        });
    }

    @PutMapping("/{environmentId}")
    @Operation(summary = "Replace an environment's settings (every field; the ElevenLabs key may be left out)")
    EnvironmentApiView replace(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestBody EnvironmentRequest body) {
        writable(access.require(teamId, TeamRole.OPERATOR));
        environments.get(teamId, environmentId);
        return EnvironmentApiView.of(environments.update(teamId, environmentId, body.complete()));
    }

    @PatchMapping("/{environmentId}")
    @Operation(summary = "Change some of an environment's settings (missing fields keep their value)")
    EnvironmentApiView change(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestBody EnvironmentRequest body) {
        writable(access.require(teamId, TeamRole.OPERATOR));
        Environment current = environments.get(teamId, environmentId);
        return EnvironmentApiView.of(environments.update(teamId, environmentId, body.over(current)));
    }

    @DeleteMapping("/{environmentId}")
    @Operation(summary = "Delete a draft (a provisioned environment is deprovisioned instead); an environment"
            + " already deleted answers 204 again")
    ResponseEntity<Void> delete(@PathVariable long teamId, @PathVariable long environmentId) {
        writable(access.require(teamId, TeamRole.OPERATOR));
        environments.get(teamId, environmentId);
        environments.deleteDraft(teamId, environmentId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{environmentId}/provision")
    @Operation(summary = "Provision a draft, or apply changed settings to a ready environment (202)")
    ResponseEntity<?> provision(@PathVariable long teamId, @PathVariable long environmentId,
            HttpServletRequest request) {
        return act(teamId, environmentId, request, id -> operations.requestProvision(id, actor()));
    }

    @PostMapping("/{environmentId}/start")
    @Operation(summary = "Start a ready environment: NAT instance, then one healthy task (202)")
    ResponseEntity<?> start(@PathVariable long teamId, @PathVariable long environmentId, HttpServletRequest request) {
        return act(teamId, environmentId, request, id -> operations.requestStart(id, actor()));
    }

    @PostMapping("/{environmentId}/stop")
    @Operation(summary = "Stop a ready environment: service to zero, then the NAT instance (202)")
    ResponseEntity<?> stop(@PathVariable long teamId, @PathVariable long environmentId, HttpServletRequest request) {
        return act(teamId, environmentId, request, id -> operations.requestStop(id, actor()));
    }

    @PostMapping("/{environmentId}/update-server")
    @Operation(summary = "Update the MCP server the portal publishes to the one this portal carries: publish, new task"
            + " definition revision, rolling deployment without downtime (when off: kept for the next start) (202)")
    ResponseEntity<?> updateServer(@PathVariable long teamId, @PathVariable long environmentId,
            HttpServletRequest request) {
        return act(teamId, environmentId, request, id -> operations.requestServerUpdate(id, actor()));
    }

    @PostMapping("/{environmentId}/roll-back")
    @Operation(summary = "Return to the image and task definition revision that ran before the last update, rolled"
            + " out the same way (202)")
    ResponseEntity<?> rollBack(@PathVariable long teamId, @PathVariable long environmentId,
            HttpServletRequest request) {
        return act(teamId, environmentId, request, id -> operations.requestRollback(id, actor()));
    }

    @PostMapping("/{environmentId}/deploy")
    @Operation(summary = "Deploy your own build, pinned by digest (CI/CD): it must be in the environment's ECR"
            + " repository unless a team owner allows any source; a digest in the environment's registry is checked"
            + " with ECR (422 when it is not there); then the server update runs with it (202)")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, required = false,
            description = "Resend safely: the same key and body replay the first answer for 24 h")
    ResponseEntity<?> deploy(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestBody DeployRequest body, HttpServletRequest request) {
        return act(teamId, environmentId, request, body, id -> deploys.deploy(teamId, id, body.image(), actor()));
    }

    /** A build to deploy. */
    record DeployRequest(@Schema(description = "The image pinned by digest, registry/repository@sha256:<64 hex>",
            example = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/mcp-3f2c1ab9d0e1@sha256:"
                    + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef") String image) {
    }

    @PostMapping("/{environmentId}/retry")
    @Operation(summary = "Retry the failed operation of a FAILED environment from the step that failed (202)")
    ResponseEntity<?> retry(@PathVariable long teamId, @PathVariable long environmentId, HttpServletRequest request) {
        return act(teamId, environmentId, request, id -> operations.retry(id, actor()));
    }

    @PostMapping("/{environmentId}/deprovision")
    @Operation(summary = "Delete every cloud resource of the environment (202)")
    ResponseEntity<?> deprovision(@PathVariable long teamId, @PathVariable long environmentId,
            HttpServletRequest request) {
        return act(teamId, environmentId, request, id -> operations.requestDeprovision(id, actor()));
    }

    @GetMapping("/{environmentId}/operations/{operationId}")
    @Operation(summary = "Get an operation with its steps")
    OperationView operation(@PathVariable long teamId, @PathVariable long environmentId,
            @PathVariable long operationId) {
        access.require(teamId, TeamRole.VIEWER);
        environments.get(teamId, environmentId);
        return operations.find(environmentId, operationId)
                .orElseThrow(() -> new NotFoundException("No such operation"));
    }

    private ResponseEntity<?> act(long teamId, long environmentId, HttpServletRequest request,
            LongFunction<OperationRequest> action) {
        return act(teamId, environmentId, request, null, action);
    }

    private ResponseEntity<?> act(long teamId, long environmentId, HttpServletRequest request, Object body,
            LongFunction<OperationRequest> action) {
        writable(access.require(teamId, TeamRole.OPERATOR));
        environments.get(teamId, environmentId); // another team's environment is a 404, before anything happens
        return idempotency.execute(request, CurrentUser.get().id(), body, () -> {
            OperationRequest answer = action.apply(environmentId);
            if (answer instanceof OperationRequest.Busy busy) {
                throw new BusyException(answer.message(), busy.operationId());
            }
            if (!(answer instanceof OperationRequest.Enqueued enqueued)) {
                throw new ConflictException(answer.message());
            }
            OperationView operation = operations.find(environmentId, enqueued.operationId()).orElseThrow();
            return ResponseEntity.accepted().location(URI.create(base(teamId) + "/" + environmentId + "/operations/"
                    + operation.id())).body(operation);
        });
    }

    private static void writable(TeamGrant team) {
        if (team.archived()) {
            throw new ConflictException(ARCHIVED);
        }
    }

    private static Actor actor() {
        return Actor.user(CurrentUser.get().getUsername());
    }

    private static String base(long teamId) {
        return "/api/v1/teams/" + teamId + "/environments";
    }
}
