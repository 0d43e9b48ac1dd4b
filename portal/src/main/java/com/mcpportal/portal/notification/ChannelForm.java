package com.mcpportal.portal.notification;

import java.util.List;

/**
 * A channel as the owner types it. The webhook URL and signing secret are write-only: the page never shows them, and
 * blank on an edit keeps the stored ones.
 *
 * @param recipients e-mail addresses, separated by commas or new lines
 * @param events     the {@link NoticeKind} names the channel gets
 * @param keyExpiryDays how many days before an API key expires the channel is told (1–90); blank for the portal's
 *                   default ({@code portal.notifications.key-expiry-warning})
 * @param teamOwners e-mail: to the team's owners too (their account's address, looked up at each message)
 */
public record ChannelForm(String kind, String name, String recipients, String url, String secret,
                          List<String> events, String keyExpiryDays, Boolean teamOwners) {

    /** Without the team's owners as recipients. */
    public ChannelForm(String kind, String name, String recipients, String url, String secret, List<String> events,
                       String keyExpiryDays) {
        this(kind, name, recipients, url, secret, events, keyExpiryDays, false);
    }

    /** Without a window of its own (the portal's default). Not public: the form binds the canonical constructor. */
    ChannelForm(String kind, String name, String recipients, String url, String secret, List<String> events) {
        this(kind, name, recipients, url, secret, events, null);
    }

    static ChannelForm empty() {
        return new ChannelForm(ChannelKind.SLACK.name(), "", "", "", "",
                NoticeKind.defaults().stream().map(Enum::name).toList(), "", false);
    }

    static ChannelForm of(Channel channel) {
        return new ChannelForm(channel.kind().name(), channel.name(), String.join("\n", channel.recipients()), "", "",
                channel.events().stream().map(Enum::name).toList(),
                channel.keyExpiryDays() == null ? "" : String.valueOf(channel.keyExpiryDays()), channel.teamOwners());
    }

    boolean toTeamOwners() {
        return Boolean.TRUE.equals(teamOwners);
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
