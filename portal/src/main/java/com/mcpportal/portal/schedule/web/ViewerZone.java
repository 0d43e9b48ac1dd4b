package com.mcpportal.portal.schedule.web;

import java.time.ZoneId;
import java.util.Optional;

import com.mcpportal.portal.schedule.ScheduleValidator;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The viewer's own time zone, which {@code schedule.js} reads from the browser and keeps in a cookie, so pages can
 * say when things happen in the viewer's time as well as in the schedule's.
 */
final class ViewerZone {

    static final String COOKIE = "portal_tz";

    private ViewerZone() {
    }

    static Optional<ZoneId> of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return ScheduleValidator.parseZone(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
