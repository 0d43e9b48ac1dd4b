package com.mcpportal.portal.notification;

import java.util.List;

/**
 * A channel as the owner types it. The webhook URL and signing secret are write-only: the page never shows them, and
 * blank on an edit keeps the stored ones.
 *
 * @param recipients e-mail addresses, separated by commas or new lines
 * @param events     the {@link NoticeKind} names the channel gets
 */
public record ChannelForm(String kind, String name, String recipients, String url, String secret,
                          List<String> events) {

    static ChannelForm empty() {
        return new ChannelForm(ChannelKind.SLACK.name(), "", "", "", "",
                NoticeKind.defaults().stream().map(Enum::name).toList());
    }

    static ChannelForm of(Channel channel) {
        return new ChannelForm(channel.kind().name(), channel.name(), String.join("\n", channel.recipients()), "", "",
                channel.events().stream().map(Enum::name).toList());
    }

    boolean newUrl() {
        return url != null && !url.isBlank();
    }

    boolean newSecret() {
        return secret != null && !secret.isBlank();
    }

    public boolean gets(String event) {
        return events != null && events.contains(event);
    }
}
