package com.mcpportal.portal.notification;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of each webhook kind: Slack's Block Kit (with {@code text} as the notification's fallback), an
 * Adaptive Card in the {@code attachments} envelope that Teams workflows ("Post to a channel when a webhook request is
 * received") take, and the generic webhook's flat document (README "Notifications").
 */
final class WebhookMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BUTTON = "Open in the portal";

    private WebhookMessages() {
    }

    static String body(ChannelKind kind, Delivery delivery) {
        return JSON.writeValueAsString(switch (kind) {
            case SLACK -> slack(delivery);
            case TEAMS -> teams(delivery);
            case WEBHOOK -> generic(delivery);
            case EMAIL -> throw new IllegalArgumentException("E-mail is not a webhook");
        });
    }

    static Map<String, Object> slack(Delivery d) {
        String text = "*What happened:* " + mrkdwn(d.happened()) + "\n*Why it matters:* " + mrkdwn(d.why())
                + "\n*What to do:* " + mrkdwn(d.action());
        return ordered("text", d.headline(), "blocks", List.of(
                ordered("type", "header", "text", ordered("type", "plain_text", "text", cut(d.headline(), 150))),
                ordered("type", "section", "text", ordered("type", "mrkdwn", "text", cut(text, 3000))),
                ordered("type", "actions", "elements", List.of(ordered("type", "button",
                        "text", ordered("type", "plain_text", "text", BUTTON), "url", d.link())))));
    }

    static Map<String, Object> teams(Delivery d) {
        Map<String, Object> card = ordered("$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                "type", "AdaptiveCard", "version", "1.4", "body", List.of(
                        ordered("type", "TextBlock", "size", "Medium", "weight", "Bolder", "wrap", true,
                                "text", d.headline()),
                        ordered("type", "FactSet", "facts", List.of(fact("What happened", d.happened()),
                                fact("Why it matters", d.why()), fact("What to do", d.action())))),
                "actions", List.of(ordered("type", "Action.OpenUrl", "title", BUTTON, "url", d.link())));
        return ordered("type", "message", "attachments", List.of(ordered(
                "contentType", "application/vnd.microsoft.card.adaptive", "contentUrl", null, "content", card)));
    }

    static Map<String, Object> generic(Delivery d) {
        return ordered("id", d.id(), "event", d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '.'),
                "teamId", d.teamId(), "occurredAt", DateTimeFormatter.ISO_INSTANT.format(d.createdAt()),
                "headline", d.headline(), "happened", d.happened(), "why", d.why(), "action", d.action(),
                "link", d.link());
    }

    private static Map<String, Object> fact(String title, String value) {
        return ordered("title", title, "value", value);
    }

    /** Slack reads &, < and > as markup (links, mentions): escaped as its docs say. */
    private static String mrkdwn(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
