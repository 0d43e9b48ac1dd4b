package com.mcpportal.portal.notification;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.web.InvalidInputException;
import com.mcpportal.portal.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's notification channels: owners add, change and delete them and ask for test messages, each audited (never
 * with the webhook URL's path or the signing secret, which are sealed at rest). Callers have checked the role.
 */
@Service
class NotificationChannels {

    static final int RECENT = 25;

    private final ChannelStore channels;
    private final ChannelSecrets secrets;
    private final DeliveryStore deliveries;
    private final Outbox outbox;
    private final EmailSender email;
    private final TeamService teams;
    private final AuditLog auditLog;
    private final NotificationSettings settings;
    private final TeamOwners owners;
    private final Clock clock;

    NotificationChannels(ChannelStore channels, ChannelSecrets secrets, DeliveryStore deliveries, Outbox outbox,
                         EmailSender email, TeamService teams, AuditLog auditLog, NotificationSettings settings,
                         TeamOwners owners, Clock clock) {
        this.settings = settings;
        this.owners = owners;
        this.channels = channels;
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.email = email;
        this.teams = teams;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Channel> ofTeam(long teamId) {
        return channels.ofTeam(teamId);
    }

    /** The team's channel, or 404 (also for another team's channel: its existence is not told). */
    @Transactional(readOnly = true)
    Channel get(long teamId, long channelId) {
        return channels.find(channelId).filter(channel -> channel.teamId() == teamId)
                .orElseThrow(() -> new NotFoundException("No such notification channel"));
    }

    @Transactional(readOnly = true)
    List<Delivery> recent(long teamId) {
        return deliveries.recent(teamId, RECENT);
    }

    @Transactional(readOnly = true)
    List<Delivery> recentOf(Channel channel) {
        return deliveries.recentOf(channel.id(), RECENT);
    }

    boolean emailAvailable() {
        return email.available();
    }

    /** The expiring-key window of a channel without one of its own, in days, for the form's hint. */
    long defaultKeyExpiryDays() {
        return settings.keyExpiryWarning().toDays();
    }

    @Transactional
    Channel create(long teamId, ChannelForm form) {
        ChannelKind kind = ChannelRules.kind(form.kind());
        String name = uniqueName(teamId, form.name(), 0);
        List<NoticeKind> events = ChannelRules.events(form.events());
        List<String> recipients = List.of();
        URI url = null;
        String secret = null;
        if (kind == ChannelKind.EMAIL) {
            if (!email.available()) {
                throw new InvalidInputException("kind", "No SMTP server is set up for the portal (an administrator"
                        + " sets one up on the E-mail page); choose Slack, Teams or a webhook.");
            }
            recipients = ChannelRules.recipients(form.recipients(), form.toTeamOwners());
        } else {
            if (!form.newUrl()) {
                throw new InvalidInputException("url", "Enter the webhook's URL.");
            }
            url = ChannelRules.url(kind, form.url());
            if (kind == ChannelKind.WEBHOOK) {
                if (!form.newSecret()) {
                    throw new InvalidInputException("secret", "Enter a signing secret: the receiver checks each"
                            + " request's signature with it.");
                }
                secret = ChannelRules.secret(form.secret());
            }
        }
        Integer keyExpiryDays = ChannelRules.keyExpiryDays(form.keyExpiryDays());
        long id = channels.insert(teamId, kind, name, recipients, kind == ChannelKind.EMAIL && form.toTeamOwners(),
                events, keyExpiryDays, clock.instant());
        if (url != null) {
            secrets.storeUrl(id, url);
        }
        if (secret != null) {
            secrets.storeSecret(id, secret);
        }
        Channel channel = channels.find(id).orElseThrow();
        auditLog.record(described(AuditEntry.success("notification.channel.created"), channel)
                .detail("kind", kind.label()));
        return channel;
    }

    /** The name of the channel a new team gets for its owners. */
    static final String OWNERS_CHANNEL = "Team owners (e-mail)";

    /**
     * A new team's default channel, when an SMTP server is set up: failures, schedules that could not start or stop,
     * the budget and expiring keys, by e-mail to the team's owners. Audited. No transaction boundary of its own: it
     * runs in the team's, inside {@link NotificationTriggers}' savepoint, so a failure here never costs the team.
     */
    void createOwnersDefault(long teamId) {
        if (!email.available() || channels.nameTaken(teamId, OWNERS_CHANNEL, 0)) {
            return;
        }
        List<NoticeKind> events = List.of(NoticeKind.OPERATION_FAILED, NoticeKind.SCHEDULE_FAILED,
                NoticeKind.BUDGET_CROSSED, NoticeKind.KEY_EXPIRING);
        long id = channels.insert(teamId, ChannelKind.EMAIL, OWNERS_CHANNEL, List.of(), true,
                events.stream().sorted().toList(), null, clock.instant());
        Channel channel = channels.find(id).orElseThrow();
        auditLog.record(described(AuditEntry.success("notification.channel.created"), channel)
                .detail("kind", ChannelKind.EMAIL.label()).detail("default", true));
    }

    /** Who "the team's owners" are now, each with the address they are written to at (null: none). */
    @Transactional(readOnly = true)
    List<TeamOwners.Owner> owners(long teamId) {
        return owners.of(teamId);
    }

    @Transactional
    Channel update(long teamId, long channelId, ChannelForm form) {
        Channel channel = get(teamId, channelId);
        String name = uniqueName(teamId, form.name(), channelId);
        List<NoticeKind> events = ChannelRules.events(form.events());
        boolean teamOwners = channel.kind() == ChannelKind.EMAIL && form.toTeamOwners();
        List<String> recipients = channel.kind() == ChannelKind.EMAIL
                ? ChannelRules.recipients(form.recipients(), teamOwners) : List.of();
        URI url = channel.kind().webhook() && form.newUrl() ? ChannelRules.url(channel.kind(), form.url()) : null;
        String secret = channel.kind() == ChannelKind.WEBHOOK && form.newSecret() ? ChannelRules.secret(form.secret())
                : null;
        Integer keyExpiryDays = ChannelRules.keyExpiryDays(form.keyExpiryDays());
        channels.describe(channelId, name, recipients, teamOwners, events, keyExpiryDays, clock.instant());
        if (url != null) {
            secrets.storeUrl(channelId, url);
        }
        if (secret != null) {
            secrets.storeSecret(channelId, secret);
        }
        Channel changed = channels.find(channelId).orElseThrow();
        AuditEntry entry = described(AuditEntry.success("notification.channel.updated"), changed);
        if (channel.kind().webhook()) {
            entry = entry.detail("url", url == null ? "kept" : "replaced");
        }
        if (channel.kind() == ChannelKind.WEBHOOK) {
            entry = entry.detail("secret", secret == null ? "kept" : "replaced");
        }
        auditLog.record(entry);
        return changed;
    }

    @Transactional
    void delete(long teamId, long channelId) {
        Channel channel = get(teamId, channelId);
        channels.delete(channelId);
        auditLog.record(described(AuditEntry.success("notification.channel.deleted"), channel));
    }

    /** Queues a test message for the channel (the dispatcher sends it within its interval). */
    @Transactional
    void sendTest(long teamId, long channelId) {
        Channel channel = get(teamId, channelId);
        String team = teams.name(teamId).orElse("#" + teamId);
        outbox.enqueue(channelId, Notices.test(team, channel, CurrentUser.name()));
        auditLog.record(AuditEntry.success("notification.channel.tested").team(teamId)
                .target("notification-channel", channelId).detail("name", channel.name()));
    }

    private String uniqueName(long teamId, String typed, long exceptId) {
        String name = ChannelRules.name(typed);
        if (channels.nameTaken(teamId, name, exceptId)) {
            throw new InvalidInputException("name", "The team has a channel of that name already.");
        }
        return name;
    }

    private static AuditEntry described(AuditEntry entry, Channel channel) {
        AuditEntry described = entry.team(channel.teamId()).target("notification-channel", channel.id())
                .detail("name", channel.name()).detail("destination", channel.destination())
                .detail("events", channel.events().isEmpty() ? "no events"
                        : channel.events().stream().map(NoticeKind::label).collect(Collectors.joining("; ")));
        return channel.keyExpiryDays() == null ? described
                : described.detail("keyExpiryDays", String.valueOf(channel.keyExpiryDays()));
    }
}
