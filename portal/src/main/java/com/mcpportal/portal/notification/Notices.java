package com.mcpportal.portal.notification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.mcpportal.portal.apikey.ExpiringKey;
import com.mcpportal.portal.apikey.KeySetPublicationChanged;
import com.mcpportal.portal.apikey.RotatedKeyWaiting;
import com.mcpportal.portal.cost.BudgetCrossed;
import com.mcpportal.portal.environment.DriftChanged;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.ErrorRateCrossed;
import com.mcpportal.portal.environment.operation.OperationKind;
import com.mcpportal.portal.environment.operation.OperationView;

/** The words of each message: what happened, to what, why it matters, what to do, and the page to do it on. */
final class Notices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Notices() {
    }

    static Notice operationFailed(String team, Environment environment, OperationView operation) {
        OperationKind kind = operation.kind();
        String step = operation.failedStepLabel() == null ? "" : " at the step \"" + operation.failedStepLabel() + "\"";
        String error = operation.errorMessage() == null ? "" : ": " + operation.errorMessage();
        return new Notice(NoticeKind.OPERATION_FAILED, environment.getTeamId(),
                kind.label() + " of " + environment.getName() + " failed",
                kind.label() + " of environment " + environment.getName() + " (team " + team + ", "
                        + environment.getRegion() + ") failed" + step + error + ". Asked for by "
                        + operation.requestedBy() + ".",
                why(kind),
                "Open the environment, read the failed step's error and fix its cause (the cloud account's"
                        + " permissions or quotas, the settings), then press Retry: it resumes at the failed step.",
                "/teams/" + environment.getTeamId() + "/environments/" + environment.getId(),
                "operation:" + operation.id() + ":" + operation.runs()).groupedBy("operation:" + operation.id());
    }

    /** A start or stop the environment's schedule asked for failed: the hours are not kept until someone acts. */
    static Notice scheduleFailed(String team, Environment environment, OperationView operation) {
        OperationKind kind = operation.kind();
        String verb = kind == OperationKind.STOP ? "stop" : "start";
        String step = operation.failedStepLabel() == null ? "" : " at the step \"" + operation.failedStepLabel() + "\"";
        String error = operation.errorMessage() == null ? "" : ": " + operation.errorMessage();
        String reason = operation.reason() == null ? "" : " (" + operation.reason() + ")";
        return new Notice(NoticeKind.SCHEDULE_FAILED, environment.getTeamId(),
                "The schedule could not " + verb + " " + environment.getName(),
                "The scheduled " + verb + reason + " of environment " + environment.getName() + " (team " + team + ", "
                        + environment.getRegion() + ") failed" + step + error + ". Nobody pressed a button: the"
                        + " schedule asked for it.",
                kind == OperationKind.STOP
                        ? "The environment keeps running, and billing, outside its hours."
                        : "The MCP server is not running in its hours: its clients get no answer.",
                "Open the environment, read the failed step's error and fix its cause (the cloud account's"
                        + " permissions or quotas), then press Retry. Until then the schedule does not drive it.",
                environmentPath(environment), "operation:" + operation.id() + ":" + operation.runs())
                .groupedBy("operation:" + operation.id());
    }

    /** The all-clear after a failure this feature announced: the same operation, retried, succeeded. */
    static Notice operationRetried(String team, Environment environment, OperationView operation) {
        String label = operation.kind().label();
        return new Notice(NoticeKind.OPERATION_RETRIED, environment.getTeamId(),
                label + " of " + environment.getName() + " succeeded on retry",
                label + " of environment " + environment.getName() + " (team " + team + ", " + environment.getRegion()
                        + "), which had failed, succeeded when retried (run " + operation.runs() + ").",
                "The failure reported earlier is resolved: the environment is "
                        + environment.getState().label().toLowerCase(java.util.Locale.ROOT) + " now.",
                "Nothing to do.", environmentPath(environment),
                "operation-retried:" + operation.id() + ":" + operation.runs());
    }

    /** An environment's MCP error rate crossed its threshold, up (flagged) or down (cleared). */
    static Notice errorRate(String team, ErrorRateCrossed crossing) {
        String path = "/teams/" + crossing.teamId() + "/environments/" + crossing.environmentId();
        String figures = crossing.errorRate() + " of " + crossing.requests() + " MCP requests failed in "
                + crossing.window() + " (" + crossing.errors() + " errors; the threshold is " + crossing.threshold()
                + ")";
        if (!crossing.flagged()) {
            return new Notice(NoticeKind.ERROR_RATE, crossing.teamId(), "The error rate of "
                    + crossing.environmentName() + " is back to normal", "The MCP error rate of environment "
                    + crossing.environmentName() + " (team " + team + ") fell below its threshold: " + figures + ".",
                    "Its clients get answers again.", "Nothing to do.", path, null)
                    .groupedBy("environment:" + crossing.environmentId());
        }
        return new Notice(NoticeKind.ERROR_RATE, crossing.teamId(), "High error rate on " + crossing.environmentName(),
                "The MCP error rate of environment " + crossing.environmentName() + " (team " + team
                        + ") is flagged as high: " + figures + ".",
                "Many of its clients' calls fail: the tools they rely on do not answer.",
                "Open the environment: its request chart shows since when; check the server's logs (a provider key"
                        + " expired or out of credit, a bad update) and update or restart it.",
                path, null).groupedBy("environment:" + crossing.environmentId());
    }

    /** The drift check found the environment's cloud resources not as the portal left them, or in line again. */
    static Notice drift(String team, DriftChanged drift) {
        String path = "/teams/" + drift.teamId() + "/environments/" + drift.environmentId();
        if (!drift.drifted()) {
            return new Notice(NoticeKind.DRIFT_FOUND, drift.teamId(), drift.environmentName()
                    + " matches the portal again", "The cloud resources of environment " + drift.environmentName()
                    + " (team " + team + ") are as the portal expects again: " + drift.actual() + ".",
                    "The drift reported earlier is gone.", "Nothing to do.", path, null)
                    .groupedBy("environment:" + drift.environmentId());
        }
        return new Notice(NoticeKind.DRIFT_FOUND, drift.teamId(), "Drift found on " + drift.environmentName(),
                "The drift check found environment " + drift.environmentName() + " (team " + team + ") not as the"
                        + " portal left it: " + drift.differences() + ". Expected " + drift.expected()
                        + "; the cloud reports " + drift.actual() + ".",
                "Someone or something changed it outside the portal: it may not answer in its hours, or run and bill"
                        + " outside them.",
                "Open the environment: if the change was a mistake, start or stop it from the portal to bring it back"
                        + " in line; if it was meant, make it through the portal (its schedule), or it comes back.",
                path, null).groupedBy("environment:" + drift.environmentId());
    }

    /** Publishing the team's API keys to an environment's MCP server started failing, or works again. */
    static Notice keySetPublication(String team, KeySetPublicationChanged change) {
        String path = "/teams/" + change.teamId() + "/environments/" + change.environmentId();
        if (!change.failing()) {
            return new Notice(NoticeKind.KEY_SET_FAILING, change.teamId(), "API keys reach "
                    + change.environmentName() + " again", "The team's API keys were published to the MCP server of"
                    + " environment " + change.environmentName() + " (team " + team + ") again after failures.",
                    "New, rolled and revoked keys take effect there again.", "Nothing to do.", path, null)
                    .groupedBy("environment:" + change.environmentId());
        }
        return new Notice(NoticeKind.KEY_SET_FAILING, change.teamId(), "API keys cannot reach "
                + change.environmentName(), "Publishing the team's API keys to the MCP server of environment "
                + change.environmentName() + " (team " + team + ") failed: " + change.error() + ". The portal keeps"
                + " retrying.",
                "Its server keeps the last key set it got: a new key is refused there, and a revoked one still works.",
                "Open the environment to see the error; fix its cause (the cloud account's permissions on its"
                        + " secret, the disk of a simulated cloud). Revoke nothing you rely on being revoked until"
                        + " the keys are published again.",
                path, null).groupedBy("environment:" + change.environmentId());
    }

    private static String environmentPath(Environment environment) {
        return "/teams/" + environment.getTeamId() + "/environments/" + environment.getId();
    }

    private static String why(OperationKind kind) {
        return switch (kind) {
            case PROVISION -> "The environment is not fully built: its MCP server may not answer clients.";
            case START -> "The MCP server is not running in hours it should: clients get no answer.";
            case STOP -> "The environment may keep running, and billing, outside its hours.";
            case DEPROVISION -> "Some of its cloud resources may remain, and keep billing.";
            default -> "The environment stays marked failed, and its schedule does not drive it, until it is fixed.";
        };
    }

    static Notice budgetCrossed(String team, BudgetCrossed crossing) {
        String estimate = usd(crossing.estimateUsd());
        String budget = usd(crossing.budgetUsd());
        String path = "/teams/" + crossing.teamId() + "/costs";
        if (!crossing.over()) {
            return new Notice(NoticeKind.BUDGET_CROSSED, crossing.teamId(), "Team " + team
                    + " is back within its monthly budget", "The estimated monthly bill of team " + team + " is "
                    + estimate + " now, within its budget of " + budget + " (checked after: " + crossing.trigger()
                    + ").", "The month's forecast is what the team planned to spend again.", "Nothing to do.",
                    path, null).groupedBy("team:" + crossing.teamId());
        }
        return new Notice(NoticeKind.BUDGET_CROSSED, crossing.teamId(), "Team " + team + " is over its monthly budget",
                "The estimated monthly bill of team " + team + " is " + estimate + ", above its budget of " + budget
                        + " (checked after: " + crossing.trigger() + ").",
                "At this pace the month ends above what the team planned to spend.",
                "Open the team's costs to see which environments cost most; shorten their schedules, deprovision"
                        + " what is unused, or raise the budget.",
                path, null).groupedBy("team:" + crossing.teamId());
    }

    static Notice keyExpiring(String team, ExpiringKey key, Instant now) {
        long days = Math.max(0, Duration.between(now, key.expiresAt()).toDays());
        String in = days == 0 ? "today" : days == 1 ? "in 1 day" : "in " + days + " days";
        return new Notice(NoticeKind.KEY_EXPIRING, key.teamId(), "API key " + key.name() + " expires " + in,
                "API key " + key.name() + " (" + key.publicId() + ") of team " + team + " expires on "
                        + WHEN.format(key.expiresAt()) + ".",
                "MCP clients that use it are refused from then on.",
                "Roll the key (the new one is shown once; the old one keeps working for the grace period) and give"
                        + " the new one to its clients, or let it expire if nothing uses it.",
                "/teams/" + key.teamId() + "/api-keys#key-" + key.publicId(),
                "key-expiring:" + key.id() + ":" + key.expiresAt().getEpochSecond());
    }

    static Notice keyExpired(String team, ExpiringKey key) {
        return new Notice(NoticeKind.KEY_EXPIRED, key.teamId(), "API key " + key.name() + " expired",
                "API key " + key.name() + " (" + key.publicId() + ") of team " + team + " expired on "
                        + WHEN.format(key.expiresAt()) + ".",
                "MCP clients that still use it are refused.",
                "Issue a new key on the team's API keys page and give it to the clients that used this one; if"
                        + " nothing did, nothing to do.",
                "/teams/" + key.teamId() + "/api-keys#key-" + key.publicId(),
                "key-expired:" + key.id() + ":" + key.expiresAt().getEpochSecond());
    }

    static Notice keyRotated(String team, RotatedKeyWaiting rotated) {
        return new Notice(NoticeKind.KEY_ROTATED, rotated.teamId(), "A rotated API key " + rotated.name()
                + " waits to be revealed",
                "The rotation policy of team " + team + " rolled API key " + rotated.name() + ": its successor ("
                        + rotated.publicId() + ") waits, encrypted, until an owner reveals it once. The old key works"
                        + " until " + WHEN.format(rotated.oldKeyWorksUntil()) + ".",
                "MCP clients still using the old key are refused from then on.",
                "An owner opens the team's API keys, reveals the new key (shown once) and gives it to the clients"
                        + " before the old one stops working.",
                "/teams/" + rotated.teamId() + "/api-keys#key-" + rotated.publicId(),
                "key-rotated:" + rotated.keyId());
    }

    static Notice test(String team, Channel channel, String by) {
        return new Notice(NoticeKind.TEST, channel.teamId(), "Test message from the MCP Portal",
                by + " sent a test message to the notification channel \"" + channel.name() + "\" of team " + team
                        + ".",
                "It shows this channel reaches you. Real messages say what happened, why it matters and what to do.",
                "Nothing to do. Owners choose which events this channel gets on the team's Notifications page.",
                "/teams/" + channel.teamId() + "/notifications/" + channel.id(), null);
    }

    private static String usd(BigDecimal amount) {
        return "$" + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
