package com.mcpportal.portal.apikey.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.function.Supplier;

import com.mcpportal.portal.api.ApiPage;
import com.mcpportal.portal.api.ApiProblemAdvice;
import com.mcpportal.portal.apikey.AlreadyIssuedException;
import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.GracePeriod;
import com.mcpportal.portal.apikey.IssueKeyCommand;
import com.mcpportal.portal.apikey.IssuedKey;
import com.mcpportal.portal.apikey.KeyRotation;
import com.mcpportal.portal.apikey.web.ApiKeyApiJson.IssueBody;
import com.mcpportal.portal.apikey.web.ApiKeyApiJson.IssuedKeyJson;
import com.mcpportal.portal.apikey.web.ApiKeyApiJson.KeyJson;
import com.mcpportal.portal.apikey.web.ApiKeyApiJson.RollBody;
import com.mcpportal.portal.apikey.web.ApiKeyApiJson.RotationBody;
import com.mcpportal.portal.apikey.web.ApiKeyApiJson.RotationJson;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.ConflictException;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A team's API keys for automation, with the pages' roles: members list and read metadata, owners issue, revoke,
 * roll and set the rotation policy. A key's secret is in the answer to the POST that made it and nowhere else.
 * An {@code Idempotency-Key} on an issue is the service's request token, scoped to the team and caller: a retry
 * never issues a second key and answers 409 with the first key's id.
 */
@RestController
@RequestMapping("/api/v1/teams/{teamId}")
class ApiKeyApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 100;
    private static final int MAX_IDEMPOTENCY_KEY = 255;
    private static final String ARCHIVED = "This team is archived. Restore it to make changes.";

    private final TeamAccess access;
    private final ApiKeyService keys;
    private final KeyRotation rotation;

    ApiKeyApiController(TeamAccess access, ApiKeyService keys, KeyRotation rotation) {
        this.access = access;
        this.keys = keys;
        this.rotation = rotation;
    }

    /** Newest first, revoked and expired keys included; {@code next} is the cursor of the following page. */
    @GetMapping("/keys")
    ApiPage<KeyJson> list(@PathVariable long teamId, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        access.require(teamId, TeamRole.VIEWER);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "Ask for 1 to " + MAX_LIMIT + " keys per page.");
        }
        ApiKeyService.KeyPage page = keys.page(teamId, KeyCursor.decode(cursor), limit);
        return new ApiPage<>(page.keys().stream().map(KeyJson::of).toList(), KeyCursor.encode(page.next()));
    }

    @GetMapping("/keys/{keyId}")
    KeyJson get(@PathVariable long teamId, @PathVariable long keyId) {
        access.require(teamId, TeamRole.VIEWER);
        return KeyJson.of(keys.get(teamId, keyId));
    }

    @PostMapping("/keys")
    ResponseEntity<?> issue(@PathVariable long teamId, @RequestBody(required = false) IssueBody body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        refuseArchived(access.require(teamId, TeamRole.OWNER));
        IssueKeyCommand command = command(body, requestToken(teamId, idempotencyKey));
        IssuedKey issued;
        try {
            issued = stateConflicts(() -> keys.issue(teamId, command));
        } catch (AlreadyIssuedException again) {
            // Without an id, two requests with the same key ran at once: the other one, now committed, issued it.
            Long keyId = again.keyId() != null ? again.keyId()
                    : keys.issuedFor(teamId, command.requestToken()).orElse(null);
            return issuedBefore(teamId, keyId, again.publicId());
        } catch (InvalidInputException rejected) {
            // The service names the expiry after the form's field; here it is expiresInDays.
            throw "lifetime".equals(rejected.field())
                    ? new InvalidInputException("expiresInDays", rejected.getMessage()) : rejected;
        }
        return ResponseEntity.created(keyUri(teamId, issued.key().id())).body(IssuedKeyJson.of(issued, null));
    }

    /** Revokes at once; allowed on archived teams too, as on the pages: a leaked key must always be stoppable. */
    @PostMapping("/keys/{keyId}/revoke")
    KeyJson revoke(@PathVariable long teamId, @PathVariable long keyId) {
        access.require(teamId, TeamRole.OWNER);
        return KeyJson.of(stateConflicts(() -> keys.revoke(teamId, keyId)));
    }

    /** A new key with the same name and scope; the old one works for the grace period. Answers the new secret once. */
    @PostMapping("/keys/{keyId}/roll")
    ResponseEntity<IssuedKeyJson> roll(@PathVariable long teamId, @PathVariable long keyId,
            @RequestBody(required = false) RollBody body) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        keys.get(teamId, keyId);
        refuseArchived(team);
        GracePeriod grace = grace(body == null ? null : body.grace());
        IssuedKey rolled = stateConflicts(() -> keys.roll(teamId, keyId, grace.duration()));
        return ResponseEntity.created(keyUri(teamId, rolled.key().id()))
                .body(IssuedKeyJson.of(rolled, keys.get(teamId, keyId)));
    }

    @GetMapping("/key-rotation")
    RotationJson rotationPolicy(@PathVariable long teamId) {
        access.require(teamId, TeamRole.VIEWER);
        return RotationJson.of(rotation.policy(teamId).orElse(null));
    }

    /** Sets or replaces the policy: the daily job rolls keys older than {@code everyDays}. */
    @PutMapping("/key-rotation")
    RotationJson setRotationPolicy(@PathVariable long teamId, @RequestBody(required = false) RotationBody body) {
        refuseArchived(access.require(teamId, TeamRole.OWNER));
        if (body == null || body.everyDays() == null) {
            throw new InvalidInputException("everyDays", "Give everyDays: roll keys older than this many days"
                    + " (1 to " + KeyRotation.MAX_EVERY_DAYS + ").");
        }
        return RotationJson.of(rotation.setPolicy(teamId, body.everyDays(), grace(body.grace())));
    }

    /** Turns rotation off: keys are rolled only by hand. */
    @DeleteMapping("/key-rotation")
    RotationJson removeRotationPolicy(@PathVariable long teamId) {
        refuseArchived(access.require(teamId, TeamRole.OWNER));
        rotation.removePolicy(teamId);
        return RotationJson.of(null);
    }

    /** A retried issue: 409 with the key the first request issued (its id and where it is), never its secret. */
    private static ResponseEntity<ProblemDetail> issuedBefore(long teamId, Long keyId, String publicId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "A request with this"
                + " Idempotency-Key already issued " + (publicId == null ? "a key" : "key " + publicId) + ". Its secret"
                + " was in that response only; if it was lost, revoke the key and issue another.");
        problem.setType(URI.create(ApiProblemAdvice.TYPE_BASE + "already-issued"));
        problem.setTitle("Already issued");
        problem.setProperty("keyId", keyId);
        problem.setProperty("publicId", publicId);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (keyId != null) {
            response.location(keyUri(teamId, keyId));
        }
        return response.body(problem);
    }

    private IssueKeyCommand command(IssueBody body, String requestToken) {
        if (body == null) {
            throw new InvalidInputException("name", "Send the key as JSON: at least a name, e.g. {\"name\": \"ci\"}.");
        }
        boolean never = Boolean.TRUE.equals(body.neverExpires());
        if (never && body.expiresInDays() != null) {
            throw new InvalidInputException("expiresInDays", "Give expiresInDays or neverExpires, not both.");
        }
        boolean selected = body.environmentIds() != null && !body.environmentIds().isEmpty();
        if (Boolean.TRUE.equals(body.allEnvironments()) && selected) {
            throw new InvalidInputException("environmentIds", "Give allEnvironments or environmentIds, not both.");
        }
        Duration lifetime = never ? null : body.expiresInDays() == null ? keys.defaultLifetime()
                : Duration.ofDays(body.expiresInDays());
        boolean all = body.allEnvironments() == null ? !selected : body.allEnvironments();
        return new IssueKeyCommand(body.name(), lifetime, all,
                body.environmentIds() == null ? null : new LinkedHashSet<>(body.environmentIds()), requestToken);
    }

    private static GracePeriod grace(String code) {
        return GracePeriod.ofCode(code).orElseThrow(() -> new InvalidInputException("grace",
                "Give the grace period: now, 1h, 24h or 7d (how long the old key keeps working)."));
    }

    /**
     * The service's request token for an {@code Idempotency-Key}: a digest of team, caller and key, so the same
     * key sent by another user or for another team is another request (and reveals nothing about it).
     */
    private static String requestToken(long teamId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return null;
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw new InvalidInputException(IDEMPOTENCY_KEY, "Send an Idempotency-Key of 1 to "
                    + MAX_IDEMPOTENCY_KEY + " characters, e.g. a UUID, or leave the header out.");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((teamId + "\n" + CurrentUser.get().id()
                    + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "api:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The service refuses a revoked, expired or already rolled key without a field: its state, so 409 here. */
    private static <T> T stateConflicts(Supplier<T> change) {
        try {
            return change.get();
        } catch (ConflictException alreadyAConflict) {
            throw alreadyAConflict;
        } catch (InvalidInputException rejected) {
            throw rejected.field() == null ? new ConflictException(rejected.getMessage()) : rejected;
        }
    }

    private static void refuseArchived(TeamGrant team) {
        if (team.archived()) {
            throw new ConflictException(ARCHIVED);
        }
    }

    private static URI keyUri(long teamId, long keyId) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/teams/{teamId}/keys/{keyId}")
                .buildAndExpand(teamId, keyId).toUri();
    }
}
