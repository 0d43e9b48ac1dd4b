package com.mcpportal.portal.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A short explanation for an error page that is safe to show (never an exception message), passed from where the
 * error is detected (a security handler, an exception handler) to the error page via a request attribute.
 */
public final class ErrorReason {

    static final String ATTRIBUTE = ErrorReason.class.getName();

    private ErrorReason() {
    }

    public static void set(HttpServletRequest request, String reason) {
        request.setAttribute(ATTRIBUTE, reason);
    }
}
