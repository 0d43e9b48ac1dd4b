package com.mcpportal.portal.notification;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.isolation.TenantFixture;
import com.mcpportal.portal.isolation.TenantFixtureResult;
import com.mcpportal.portal.isolation.VictimTeam;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notification routes' {@code {channelId}}: a generic webhook channel of the victim team, whose name and host must
 * never show to another team, and which a missing check on the change, test or delete routes would alter (a test
 * message is a row in the outbox).
 */
public class NotificationTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String name = "victim-alerts-" + victim.teamId();
        String host = "victim-hooks-" + victim.teamId() + ".example.com";
        Channel channel = context.getBean(NotificationChannels.class).create(victim.teamId(), new ChannelForm(
                "WEBHOOK", name, null, "https://" + host + "/in/abc", "victim-signing-secret-0123456789",
                List.of("OPERATION_FAILED")));
        return new TenantFixtureResult(Map.of("channelId", String.valueOf(channel.id())), Set.of(name, host),
                () -> List.of(jdbc.queryForList("SELECT id, name, kind, recipients, url_sealed, secret_sealed,"
                        + " array_to_string(events, ',') AS events"
                        + " FROM notification_channel WHERE team_id = ? ORDER BY id", victim.teamId()),
                        jdbc.queryForList("SELECT id, channel_id FROM notification_delivery WHERE team_id = ?"
                                + " ORDER BY id", victim.teamId())));
    }
}
