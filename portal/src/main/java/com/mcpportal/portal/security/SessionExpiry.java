package com.mcpportal.portal.security;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Closes the row of a session the container ends by itself (idle timeout, instance shutting down), so the account
 * page stops listing it. Spring Boot registers this listener with the servlet container.
 */
@Component
class SessionExpiry implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(SessionExpiry.class);

    private final PortalSessions sessions;

    SessionExpiry(PortalSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Long id = PortalSessions.idOf(event.getSession());
        if (id == null) {
            return;
        }
        try {
            sessions.ended(id, "expired");
        }
        catch (DataAccessException | IllegalStateException unavailable) {
            // The database is gone (shutdown): the row stays open until its idle timeout says otherwise.
            log.debug("Could not close the row of session {}: {}", id, unavailable.getMessage());
        }
    }
}
