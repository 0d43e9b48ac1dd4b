package com.mcpportal.portal.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.isolation.TenantFixture;
import com.mcpportal.portal.isolation.TenantFixtureResult;
import com.mcpportal.portal.isolation.VictimTeam;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;

/** {@code {sessionId}}: an open browser session of the victim team's owner; nobody else may see or end it. */
public class SessionTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        String browser = "VictimBrowser/" + victim.teamId() + " (isolation fixture)";
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.254");
        request.addHeader("User-Agent", browser);
        long sessionId = context.getBean(PortalSessions.class).started(victim.ownerId(), request);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return new TenantFixtureResult(Map.of("sessionId", Long.toString(sessionId)),
                Set.of(browser),
                () -> List.of(jdbc.queryForList("SELECT id, ended_at, end_reason FROM portal_session WHERE user_id = ?"
                        + " ORDER BY id", victim.ownerId())));
    }
}
