package com.mcpportal.portal.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One plain sentence per audit event, from its action, actor, outcome and details: "alice rolled key ci-bot with
 * 1 h grace". A pure function of the stored event (no database), so the log reads the same after the things it names
 * are gone. Every action the portal records has a sentence ({@code AuditSentencesTests} finds them in the code);
 * an action without one still reads, as "actor: action target (detail: value, …)".
 */
public final class AuditSentences {

    /** The operations' families, for any operation kind: {@code environment.start.requested} and the like. */
    private static final Pattern OPERATION_STEP = Pattern.compile("environment\\.([a-z-]+)\\.(requested|retried|failed|refused)");

    /** An operation that succeeded: {@code environment.provisioned}, {@code environment.stopped}. */
    private static final Pattern OPERATION_DONE = Pattern.compile("environment\\.([a-z-]+ed)");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How much of an unknown action's details its fallback sentence quotes. */
    private static final int FALLBACK_DETAILS = 160;

    private static final Map<String, Function<Facts, String>> SENTENCES = new LinkedHashMap<>();

    static {
        say("user.created", f -> f.actor() + " created user " + f.text("username")
                + (f.flag("admin") ? " as an administrator" : "")
                + (f.has("provider") ? " at their first sign-in with " + f.text("provider") : ""));
        say("user.enabled", f -> f.actor() + " enabled user " + f.text("username"));
        say("user.disabled", f -> f.actor() + " disabled user " + f.text("username"));
        say("oidc-provider.created", f -> f.actor() + " added sign-in provider " + f.text("id") + " ("
                + f.text("issuer") + ")");
        say("oidc-provider.updated", f -> f.actor() + " changed sign-in provider " + f.text("id")
                + (f.has("secret") ? ", client secret " + f.text("secret") : ""));
        say("oidc-provider.deleted", f -> f.actor() + " deleted sign-in provider " + f.text("id"));
        say("user.admin.granted", f -> f.actor() + " made " + f.text("username") + " an administrator: in group "
                + f.text("group") + " at " + f.text("provider"));
        say("user.admin.revoked", f -> f.actor() + " took the administrator role from " + f.text("username")
                + ": no longer in group " + f.text("group") + " at " + f.text("provider"));
        say("user.password.reset", f -> f.actor() + " reset the password of " + f.text("username"));
        say("user.password.changed", f -> f.actor().equals(f.text("username")) ? f.actor() + " changed their password"
                : f.actor() + " changed the password of " + f.text("username"));
        say("user.email.changed", f -> f.actor() + " set the e-mail address of " + f.text("username") + " to "
                + f.text("to") + " (was " + f.text("from") + ")");

        say("team.created", f -> f.actor() + " created team " + f.text("name") + " with " + f.text("owner") + " as owner");
        say("team.renamed", f -> f.actor() + " renamed team " + f.text("from") + " to " + f.text("to"));
        say("team.archived", f -> f.actor() + " archived team " + f.text("name"));
        say("team.restored", f -> f.actor() + " restored team " + f.text("name"));
        say("team.member.added", f -> f.actor() + " added " + f.text("username") + " as " + f.word("role")
                + fromGroup(f));
        say("team.member.role.changed", f -> f.actor() + " changed the role of " + f.text("username") + " from "
                + f.word("from") + " to " + f.word("to") + fromGroup(f));
        say("team.member.removed", f -> f.actor() + " removed " + f.text("username") + " (" + f.word("role")
                + ") from the team" + (f.has("group") ? ": no longer in group " + f.text("group") + " at "
                + f.text("provider") : ""));
        say("team.group-mapping.added", f -> f.actor() + " mapped group " + f.text("group") + " at "
                + f.text("provider") + " to " + f.word("role"));
        say("team.group-mapping.removed", f -> f.actor() + " deleted the mapping of group " + f.text("group")
                + " at " + f.text("provider") + " to " + f.word("role"));
        say("team.server-updates.changed", f -> f.actor() + " set the team's server updates: off-hours updates "
                + f.text("autoUpdateOffHours") + ", images from any source " + f.text("allowAnyImageSource"));
        say("team.access.denied", f -> f.actor() + " was refused a team page that needs the " + f.word("required")
                + " role" + (f.has("role") ? " (as " + f.word("role") + ")" : " (" + f.text("reason") + ")"));

        say("access-token.issued", f -> f.actor() + " created access token " + f.text("name"));
        say("access-token.revoked", f -> f.actor() + " revoked access token " + f.text("name") + f.because("reason"));

        say("apikey.issued", f -> f.actor() + " issued key " + f.text("name") + " (" + f.text("scope") + ")");
        say("apikey.revoked", f -> f.actor() + " revoked key " + f.text("name"));
        say("apikey.rolled", f -> f.actor() + " rolled key " + f.text("name") + " with "
                + grace(f.number("graceSeconds")) + f.because("reason"));
        say("apikey.rotated-key.viewed", f -> f.actor() + " viewed the new key of the rotated key " + f.text("name"));
        say("apikey.expired", f -> "key " + f.text("name") + " expired" + f.because("reason"));
        say("apikey.rotation-policy.set", f -> f.actor() + " set keys to roll every " + f.text("everyDays")
                + " days with " + f.word("grace") + " grace");
        say("apikey.rotation-policy.removed", f -> f.actor() + " removed the rule that rolled keys every "
                + f.text("everyDays") + " days");
        say("apikey.rotation.failed", f -> f.actor() + " could not roll key " + f.text("publicId") + ": " + f.text("error"));
        say("apikey.keyset.published", f -> f.actor() + " published " + f.text("keys") + " keys to environment "
                + f.targetId() + f.because("reason"));
        say("apikey.keyset.publish-failed", f -> f.actor() + " could not publish the keys to environment "
                + f.targetId() + ": " + f.text("error"));

        say("environment.rolled-back", f -> f.actor() + " rolled back environment " + f.text("name")
                + f.because("reason"));
        say("environment.move-network.requested", f -> f.actor() + " asked to move environment " + f.text("name")
                + " into " + f.text("to") + f.because("reason"));
        say("environment.network-moved", f -> f.actor() + " moved environment " + f.text("name")
                + " into its new network (one new deployment)" + f.because("reason"));
        say("environment.nat.replaced", f -> f.actor() + " replaced the NAT instance " + f.text("oldInstance") + " ("
                + f.text("oldImage") + ") of environment " + f.text("name") + " with " + f.text("newInstance") + " on "
                + f.text("newImageName"));
        say("environment.shared-nat.stopped", f -> f.failed()
                ? f.actor() + " could not stop the shared NAT instance of network " + f.text("network") + ": "
                        + f.text("error") + (f.has("retryIn") ? "; it tries again in " + f.text("retryIn") : "")
                : f.actor() + " stopped the shared NAT instance of network " + f.text("network")
                        + (f.has("retried") ? " on a later attempt, after stopping it had failed"
                        : f.has("delay") ? " " + f.text("delay") + " after environment " + f.text("name")
                                + ", the last of the network's on, stopped"
                                : " with environment " + f.text("name") + ", the last of the network's on"));
        say("environment.nat.patch-skipped", f -> "the NAT instance of environment " + f.text("name")
                + " was not patched during its " + f.text("during") + ": " + f.text("error"));
        say("environment.created", f -> f.actor() + " created environment " + f.text("name"));
        say("environment.updated", f -> f.actor() + " changed " + f.text("changed") + " of environment " + f.text("name"));
        say("environment.deleted", f -> f.actor() + " deleted environment " + f.text("name") + f.because("reason"));
        say("environment.drift.detected", f -> f.actor() + " found environment " + f.text("name")
                + " differs from the cloud: " + f.text("differences"));
        say("environment.drift.resolved", f -> f.actor() + " found environment " + f.text("name")
                + " matches the cloud again");
        say("environment.error-rate.flagged", f -> f.actor() + " flagged environment " + f.text("name")
                + ": " + f.text("errorRate") + " errors over " + f.text("requests") + " requests");
        say("environment.error-rate.cleared", f -> f.actor() + " cleared the error flag of environment "
                + f.text("name") + ": " + f.text("errorRate") + " errors over " + f.text("requests") + " requests");

        say("schedule.created", f -> f.actor() + " gave environment " + f.text("environment")
                + " the schedule of " + f.text("copiedFrom"));
        say("schedule.updated", f -> f.actor() + " changed the schedule of " + f.text("name") + " to " + f.text("after"));
        say("schedule.override.set", f -> f.actor() + " overrode the schedule of " + f.text("name") + ": "
                + f.text("override"));
        say("schedule.override.cleared", f -> f.actor() + " ended the manual override of " + f.text("name")
                + " (was: " + f.text("previous") + ")");
        say("schedule.team-default.updated", f -> f.actor() + " changed the team's default schedule to "
                + f.text("after"));
        say("schedule.mirror.updated", f -> f.actor() + " turned keeping the hours of " + f.text("name")
                + " in AWS " + f.text("keep"));
        say("schedule.team-default.mirror.updated", f -> f.actor() + " turned keeping the hours of the team's new"
                + " environments in AWS " + f.text("keep"));
        say("schedule.mirror.drift.corrected", f -> f.actor() + " put right the hours of " + f.text("name")
                + " kept in AWS, changed there by hand: " + f.text("differences"));
        say("environment.autoscaling.updated", f -> f.actor() + " set the tasks of environment " + f.text("name")
                + " to " + f.text("after") + " (was " + f.text("before") + ")");
        say("environment.start.observed", f -> "the hours kept in AWS started environment " + f.text("name")
                + f.because("reason") + "; the portal saw it and did not start it again");
        say("environment.stop.observed", f -> "the hours kept in AWS stopped environment " + f.text("name")
                + f.because("reason") + "; the portal saw it and did not stop it again");
        say("schedule.mirror.failed", f -> f.actor() + " could not keep the hours of " + f.text("name")
                + " in AWS: " + f.text("error"));

        say("cloud-account.created", f -> f.actor() + " added cloud account " + f.text("name") + " ("
                + f.word("mode") + ", " + f.text("defaultRegion") + ")");
        say("cloud-account.updated", f -> f.actor() + " changed cloud account " + f.text("name") + " ("
                + f.word("mode") + ", " + f.text("defaultRegion") + ")");
        say("cloud-account.deleted", f -> f.actor() + " deleted cloud account " + f.text("name"));
        say("network.created", f -> f.actor() + " created network " + f.text("name") + " (" + f.text("region") + ", "
                + f.text("vpcCidr") + ", " + f.text("zones") + (f.text("zones").equals("1") ? " zone" : " zones")
                + (f.flag("natPerZone") ? ", a NAT instance per zone" : "") + ")"
                + (f.has("sharedWith") && !f.text("sharedWith").isEmpty() ? " shared with " + f.text("sharedWith") : ""));
        say("network.deleted", f -> f.actor() + " deleted network " + f.text("name"));
        say("network.environment.added", f -> f.actor() + " put environment " + f.text("environment")
                + " in network " + f.text("network") + (f.has("subnet") ? ", its private subnet " + f.text("subnet")
                : ""));
        say("network.environment.subnet-allocated", f -> f.actor() + " gave environment " + f.text("environmentId")
                + " the private subnet " + f.text("subnet") + " in network " + f.text("network"));
        say("network.environment.removed", f -> f.actor() + " took environment " + f.text("environment")
                + " out of network " + f.text("network") + " (it has its own network again)");
        say("notification.channel.created", f -> f.actor() + " added notification channel " + f.text("name") + " ("
                + f.text("kind") + ", to " + f.text("destination") + "), sending: " + f.text("events"));
        say("notification.channel.updated", f -> f.actor() + " changed notification channel " + f.text("name")
                + " (to " + f.text("destination") + "), sending: " + f.text("events")
                + (f.has("url") ? ", webhook URL " + f.text("url") : "")
                + (f.has("secret") ? ", signing secret " + f.text("secret") : ""));
        say("notification.channel.deleted", f -> f.actor() + " deleted notification channel " + f.text("name"));
        say("notification.channel.tested", f -> f.actor() + " sent a test message to notification channel "
                + f.text("name"));
        say("notification.channel.failing", f -> "Notification channel " + f.text("name") + " is failing: "
                + f.text("failures") + " attempts in a row did not get through (" + f.text("error") + ")");
        say("notification.channel.recovered", f -> "Notification channel " + f.text("name")
                + " works again: a message got through");
        say("notification.mail-server.changed", f -> f.actor() + " set the portal's SMTP server to " + f.text("host")
                + ":" + f.text("port") + " (user " + f.text("username") + ", password " + f.text("password")
                + ", STARTTLS " + (f.flag("starttls") ? "on" : "off") + ", from " + f.text("from") + ")");
        say("notification.mail-server.removed", f -> f.actor() + " removed the stored SMTP server " + f.text("host")
                + ": spring.mail.* holds again");
        say("notification.mail-server.tested", f -> f.actor() + " sent a test e-mail to " + f.text("to") + " through "
                + f.text("server") + (f.failed() ? ", which failed: " + f.text("result") : ""));
        say("cloud-account.connection-tested", f -> f.actor() + " tested the connection of cloud account "
                + f.text("name") + (f.failed() ? ", which failed: " : ": ") + f.text("result"));

        say("cost.budget.set", f -> f.actor() + " set the team's monthly budget to $" + f.text("after")
                + (f.has("before") ? " (was $" + f.text("before") + ")" : ""));
        say("cost.budget.removed", f -> f.actor() + " removed the team's monthly budget of $" + f.text("before"));
        say("cost.budget.exceeded", f -> f.actor() + " found the month's forecast of $" + f.text("estimateUsd")
                + " over the budget of $" + f.text("budgetUsd"));
        say("cost.budget.back-within", f -> f.actor() + " found the month's forecast of $" + f.text("estimateUsd")
                + " back within the budget of $" + f.text("budgetUsd"));
        say("cost.prices.refreshed", f -> f.actor() + " refreshed " + f.text("pricesStored") + " AWS prices");
        say("cost.prices.refresh-failed", f -> f.actor() + " could not refresh the AWS prices: " + f.text("message"));

        say("auth.sign-in", f -> f.failed() ? "someone failed to sign in as " + f.text("username") + f.because("reason")
                : f.actor() + " signed in" + (f.has("provider") ? " with " + f.text("provider") : ""));
        say("auth.sign-out", f -> f.actor() + " signed out");
        say("auth.session.ended", f -> f.actor() + " ended a session of user " + f.targetId() + f.because("reason"));
        say("auth.sign-in.throttled", f -> "sign-ins as " + f.word("kind") + " " + f.targetId() + " wait "
                + f.number("delaySeconds").map(AuditSentences::duration).orElse("a while") + " after "
                + f.text("failures") + " failures");
        say("auth.sign-in.throttle-cleared", f -> f.actor() + " cleared the sign-in delay of " + f.word("kind") + " "
                + f.targetId());

        say("audit.access.denied", f -> f.actor() + " was refused the audit log" + f.because("reason"));
        say("audit.chain.verified", f -> f.failed()
                ? f.actor() + " found the audit chain broken at event " + f.text("brokenAt")
                : f.actor() + " verified the audit chain: " + f.text("checked") + " events intact");
        say("audit.exported", f -> f.actor() + " exported the audit log as " + f.text("format"));
        say("audit.pruned", f -> f.failed() ? f.actor() + " stopped pruning the audit log: " + f.text("problem")
                : f.actor() + " pruned " + f.text("count") + " audit events older than " + f.text("retentionDays")
                        + " days into " + f.text("archiveFile"));
        say("audit.retention.changed", f -> f.actor() + " changed how long the audit log keeps events from "
                + f.text("from") + " to " + f.text("to"));
    }

    private AuditSentences() {
    }

    private static void say(String action, Function<Facts, String> sentence) {
        SENTENCES.put(action, sentence);
    }

    /** Whether this action has a sentence of its own (not the "actor: action target" fallback). */
    public static boolean covers(String action) {
        return SENTENCES.containsKey(action) || OPERATION_STEP.matcher(action).matches()
                || OPERATION_DONE.matcher(action).matches();
    }

    /** The sentence for one event; {@code details} is its JSON object as stored. */
    public static String of(String action, String actor, String outcome, String targetType, String targetId, String details) {
        Facts facts = new Facts(actor, outcome, targetType, targetId, parse(details));
        Function<Facts, String> sentence = SENTENCES.get(action);
        if (sentence != null) {
            return sentence.apply(facts);
        }
        Matcher step = OPERATION_STEP.matcher(action);
        if (step.matches()) {
            String verb = step.group(1);
            String name = facts.text("name");
            return switch (step.group(2)) {
                case "requested" -> facts.actor() + " asked to " + verb + " environment " + name + facts.because("reason");
                case "retried" -> facts.actor() + " retried the " + verb + " of environment " + name + " from step "
                        + facts.text("fromStep");
                case "failed" -> "the " + verb + " of environment " + name + " failed at step " + facts.text("step")
                        + ": " + facts.text("error");
                default -> facts.actor() + " could not " + verb + " environment " + name + ": " + facts.text("why");
            };
        }
        Matcher done = OPERATION_DONE.matcher(action);
        if (done.matches()) {
            return facts.actor() + " " + done.group(1) + " environment " + facts.text("name") + facts.because("reason");
        }
        String target = targetType == null ? "" : " " + targetType + (targetId == null ? "" : " " + targetId);
        List<String> pairs = detailsList(details).stream().map(pair -> pair.getKey() + ": " + pair.getValue()).toList();
        String said = pairs.isEmpty() ? "" : " (" + String.join(", ", pairs) + ")";
        return facts.actor() + ": " + action + target
                + (said.length() <= FALLBACK_DETAILS ? said : said.substring(0, FALLBACK_DETAILS) + "…)");
    }

    /** The details as name and value pairs for a definition list; nested values as compact JSON. */
    public static List<Map.Entry<String, String>> detailsList(String details) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        parse(details).properties().forEach(field -> list.add(Map.entry(field.getKey(), Facts.plain(field.getValue()))));
        return list;
    }

    private static JsonNode parse(String details) {
        try {
            JsonNode node = details == null ? null : JSON.readTree(details);
            return node == null || !node.isObject() ? JSON.createObjectNode() : node;
        } catch (RuntimeException unreadable) {
            return JSON.createObjectNode();
        }
    }

    /** " (from group platform-admins at staff)" for a membership an identity provider's group decided. */
    private static String fromGroup(Facts f) {
        return f.has("group") ? " (from group " + f.text("group") + " at " + f.text("provider") + ")" : "";
    }

    /** "1 h grace", "7 d grace", "no grace". */
    private static String grace(Optional<Long> seconds) {
        return seconds.map(s -> s == 0 ? "no grace" : duration(s) + " grace").orElse("an unknown grace");
    }

    /** "90 s", "15 min", "1 h", "7 d": the largest unit that divides it. */
    private static String duration(long s) {
        return s != 0 && s % 86_400 == 0 ? s / 86_400 + " d" : s != 0 && s % 3_600 == 0 ? s / 3_600 + " h"
                : s != 0 && s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    private record Facts(String actor, String outcome, String targetType, String targetId, JsonNode details) {

        boolean has(String key) {
            JsonNode value = details.path(key);
            return !value.isMissingNode() && !value.isNull();
        }

        /** The detail as text; a list joined with commas; "?" when absent, so a sentence never breaks. */
        String text(String key) {
            return has(key) ? plain(details.path(key)) : "?";
        }

        /** An enum's name as a word: {@code ONE_HOUR} → "one hour", {@code OWNER} → "owner". */
        String word(String key) {
            return text(key).toLowerCase().replace('_', ' ');
        }

        boolean flag(String key) {
            return details.path(key).asBoolean(false);
        }

        Optional<Long> number(String key) {
            JsonNode value = details.path(key);
            return value.isNumber() ? Optional.of(value.asLong()) : Optional.empty();
        }

        /** " (why)" when the detail is there, else nothing. */
        String because(String key) {
            return has(key) && !"null".equals(text(key)) ? " (" + text(key) + ")" : "";
        }

        boolean failed() {
            return !"SUCCESS".equals(outcome);
        }

        static String plain(JsonNode value) {
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(plain(item)));
                return String.join(", ", items);
            }
            return value.isValueNode() ? value.asString() : value.toString();
        }
    }
}
